import { pino } from "pino";
import type { ServerEnv } from "./env";

/** The one logger of the process; requests get children (request id, user, procedure). */
export function createLogger(env: Pick<ServerEnv, "logLevel">) {
  return pino({
    level: env.logLevel,
    // Cookies and bearer tokens never reach the log.
    redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  });
}
