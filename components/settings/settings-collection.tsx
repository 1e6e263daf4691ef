import type { ReactNode } from "react";

/**
 * The shape of a settings page that manages a list of things (API tokens, webhook
 * endpoints): a title and an intro, a section to add one, a section listing yours. Each
 * section is labelled by its heading, so it is a landmark a screen reader can jump to.
 */
export function SettingsCollection(props: {
  title: string;
  intro: ReactNode;
  /** Heading ids, unique on the page. */
  ids: { add: string; list: string };
  addHeading: string;
  addForm: ReactNode;
  listHeading: string;
  list: ReactNode;
}) {
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{props.title}</h1>
        <p className="text-sm text-slate-600">{props.intro}</p>
      </div>
      <section className="space-y-3" aria-labelledby={props.ids.add}>
        <h2 id={props.ids.add} className="text-lg font-semibold">
          {props.addHeading}
        </h2>
        {props.addForm}
      </section>
      <section className="space-y-3" aria-labelledby={props.ids.list}>
        <h2 id={props.ids.list} className="text-lg font-semibold">
          {props.listHeading}
        </h2>
        {props.list}
      </section>
    </div>
  );
}
