/** The API's inputs and outputs as the router infers them: no shape is re-declared in the app. */
import type { AppRouter } from "@nianbao/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
type RouterInputs = inferRouterInputs<AppRouter>;

type Me = RouterOutputs["auth"]["me"];
export type Role = Me["role"];
type ReportRecord = RouterOutputs["reports"]["get"]["report"];
export type ReportStatus = ReportRecord["status"];
export type WorkflowAction = RouterOutputs["reports"]["get"]["actions"][number];
export type ExportFormat = RouterInputs["reports"]["export"]["format"];
