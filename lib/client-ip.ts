import { headers } from "next/headers";
import { ipFromHeaders } from "@/lib/ip-from-headers";

export async function clientIp(): Promise<string> {
  return ipFromHeaders(await headers());
}
