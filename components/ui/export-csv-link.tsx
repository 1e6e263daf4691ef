import { buttonStyles } from "@/components/ui/button-styles";

/**
 * A plain link to a CSV route handler: the browser downloads it with the session cookie,
 * no client code needed. `download` keeps the user on the page.
 */
export function ExportCsvLink({ href }: { href: string }) {
  return (
    <a href={href} download className={`${buttonStyles.secondary} ml-auto`}>
      Export CSV
    </a>
  );
}
