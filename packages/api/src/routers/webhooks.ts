/**
 * webhooks.*: an admin registers receivers for events of the reports in an organisation's subtree.
 * Delivery (signing, retries, pausing) is the server's worker: see docs/WEBHOOKS.md.
 */
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookAttempts,
  listWebhookSubscriptions,
  setWebhookSubscriptionActive,
  updateWebhookSubscription,
  type Role,
} from "@nianbao/db";
import { z } from "zod";
import { auditOf } from "../context";
import { idSchema } from "../schemas";
import {
  newWebhookSecret,
  webhookAttemptOut,
  webhookAttemptOutSchema,
  webhookInputSchema,
  webhookOut,
  webhookOutSchema,
} from "../services/webhooks";
import { orgProcedure, router, targetProcedure } from "../trpc";

const ROLES: readonly Role[] = ["admin"];

/** Target: a subscription (`id`), in the actor's subtree. */
const subscriptionProcedure = targetProcedure({
  input: z.object({ id: idSchema }),
  name: "subscription",
  load: (db, input) => getWebhookSubscription(db, input.id),
  pathOf: (subscription) => subscription.orgPath,
})(ROLES);

export const webhooksRouter = router({
  /** Registers a receiver for the subtree of `orgId`. The signing secret is shown only in this answer. */
  create: orgProcedure(ROLES)
    .input(webhookInputSchema.extend({ orgId: idSchema }))
    .output(z.object({ secret: z.string(), subscription: webhookOutSchema }))
    .mutation(async ({ ctx, input }) => {
      const secret = newWebhookSecret();
      const subscription = await createWebhookSubscription(
        ctx.db,
        {
          orgId: ctx.org.id,
          url: input.url,
          events: input.events,
          description: input.description ?? null,
          secret,
          createdBy: ctx.actor.userId,
        },
        auditOf(ctx),
        ctx.config.now(),
      );
      return { secret, subscription: webhookOut(subscription) };
    }),

  /** The subscriptions of the subtree of `orgId` (default: the actor's), with their state. */
  list: orgProcedure(ROLES)
    .output(z.array(webhookOutSchema))
    .query(async ({ ctx }) => (await listWebhookSubscriptions(ctx.db, ctx.org.path)).map(webhookOut)),

  update: subscriptionProcedure
    .input(webhookInputSchema.partial())
    .output(webhookOutSchema)
    .mutation(async ({ ctx, input }) =>
      webhookOut(
        await updateWebhookSubscription(
          ctx.db,
          ctx.subscription.id,
          { url: input.url, events: input.events, description: input.description },
          auditOf(ctx),
          ctx.config.now(),
        ),
      ),
    ),

  /** Stops sending; events are still queued and go out on resume. */
  pause: subscriptionProcedure
    .output(webhookOutSchema)
    .mutation(async ({ ctx }) =>
      webhookOut(await setWebhookSubscriptionActive(ctx.db, ctx.subscription.id, false, auditOf(ctx), ctx.config.now())),
    ),

  /** Sends again, the backlog first, with the failure count reset. */
  resume: subscriptionProcedure
    .output(webhookOutSchema)
    .mutation(async ({ ctx }) =>
      webhookOut(await setWebhookSubscriptionActive(ctx.db, ctx.subscription.id, true, auditOf(ctx), ctx.config.now())),
    ),

  delete: subscriptionProcedure
    .output(webhookOutSchema)
    .mutation(async ({ ctx }) => webhookOut(await deleteWebhookSubscription(ctx.db, ctx.subscription.id, auditOf(ctx), ctx.config.now()))),

  /** The latest delivery attempts of a subscription, newest first. */
  deliveries: subscriptionProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.array(webhookAttemptOutSchema))
    .query(async ({ ctx, input }) => (await listWebhookAttempts(ctx.db, ctx.subscription.id, input.limit)).map(webhookAttemptOut)),
});
