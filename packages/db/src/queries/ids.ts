import { randomUUID } from "node:crypto";

/** Text ids (UUID v4): the same type in both dialects, and safe inside the `LIKE` of materialised paths. */
export function newId(): string {
  return randomUUID();
}
