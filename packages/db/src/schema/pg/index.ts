/** The PostgreSQL tree. Export names match ../sqlite/index.ts exactly (see the parity test). */
export { organisations } from "./organisations";
export { users } from "./users";
export { sessions } from "./sessions";
export { apiTokens } from "./api-tokens";
export { reports } from "./reports";
export { reportRevisions } from "./report-revisions";
export { workflowEvents } from "./workflow-events";
export { explanations } from "./explanations";
export { publications } from "./publications";
export { auditLog } from "./audit-log";
export { loginAttempts } from "./login-attempts";
export { idempotencyKeys } from "./idempotency-keys";
export { webhookSubscriptions } from "./webhook-subscriptions";
export { webhookEvents } from "./webhook-events";
export { webhookDeliveries } from "./webhook-deliveries";
export { webhookAttempts } from "./webhook-attempts";
export { rollupInputs, rollupSums } from "./rollups";
