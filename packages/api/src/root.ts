import { aggregateRouter } from "./routers/aggregate";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { openDataRouter } from "./routers/open-data";
import { orgsRouter } from "./routers/orgs";
import { reportsRouter } from "./routers/reports";
import { statsRouter } from "./routers/stats";
import { tokensRouter } from "./routers/tokens";
import { usersRouter } from "./routers/users";
import { webhooksRouter } from "./routers/webhooks";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  orgs: orgsRouter,
  users: usersRouter,
  tokens: tokensRouter,
  reports: reportsRouter,
  aggregate: aggregateRouter,
  stats: statsRouter,
  audit: auditRouter,
  openData: openDataRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

/** Call procedures in-process (tests, the admin app's server components): `createCaller(createContextInner({ db, actor }))`. */
export const createCaller = createCallerFactory(appRouter);
