/**
 * The HTTP layer of the context: the session cookie or `Authorization: Bearer <token>` → an actor.
 * Framework-neutral: the host passes headers and a way to set the cookie.
 */
import type { Lang } from "@nianbao/core";
import { type Database, findSessionUser, findTokenActor, type Role } from "@nianbao/db";
import { type Actor, type ApiConfig, createContextInner, type Logger, type RequestMeta, type SessionSink } from "./context";
import { API_TOKEN_PREFIX, sha256 } from "./secrets";
import { actorFromUser } from "./services/accounts";

export const SESSION_COOKIE = "nianbao_session";

export interface HttpContextOptions {
  db: Database;
  logger: Logger;
  meta: RequestMeta;
  /** Value of the session cookie, if any. */
  sessionCookie: string | undefined;
  authorization: string | undefined;
  acceptLanguage: string | undefined;
  session: SessionSink;
  config?: Partial<ApiConfig>;
}

/** zh unless the client asks for English first. */
export function langFrom(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? "en" : "zh";
}

/**
 * The role a token acts with now: its own while its creator still holds it (or is an admin, who may
 * grant any role), otherwise only reading. Checked on every use, so demoting the creator demotes
 * their tokens at once; disabling or moving the creator ends them (findTokenActor).
 */
function tokenRole(granted: Role, creatorRole: Role): Role {
  return creatorRole === "admin" || creatorRole === granted ? granted : "viewer";
}

export async function resolveActor(
  db: Database,
  sessionCookie: string | undefined,
  authorization: string | undefined,
  now: number,
): Promise<Actor | null> {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const found = await findTokenActor(db, sha256(bearer), now);
    if (!found) return null;
    const { token, creator } = found;
    return {
      kind: "token",
      userId: creator.id,
      tokenId: token.id,
      displayName: `${token.name}（${creator.displayName}）`,
      role: tokenRole(token.role, creator.role),
      orgId: token.orgId,
      orgPath: token.orgPath,
      orgName: token.orgName,
      sessionId: null,
    };
  }
  if (sessionCookie) {
    const id = sha256(sessionCookie);
    const found = await findSessionUser(db, id, now);
    return found ? actorFromUser(found.user, id) : null;
  }
  return null;
}

export async function createHttpContext(options: HttpContextOptions) {
  const now = (options.config?.now ?? Date.now)();
  const actor = await resolveActor(options.db, options.sessionCookie, options.authorization, now);
  const logger = actor ? options.logger.child({ user: actor.userId, ...(actor.tokenId ? { token: actor.tokenId } : {}) }) : options.logger;
  return createContextInner({
    db: options.db,
    actor,
    logger,
    meta: options.meta,
    session: options.session,
    lang: langFrom(options.acceptLanguage),
    ...(options.config ? { config: options.config } : {}),
  });
}
