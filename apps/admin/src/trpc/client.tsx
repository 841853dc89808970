"use client";
/**
 * The browser's tRPC client: one QueryClient per tab, plain JSON over `httpBatchLink` to this app's
 * own origin (src/proxy.ts forwards to the API). Not a streaming link: a streamed response cannot set
 * the session cookie.
 */
import type { AppRouter } from "@nianbao/api";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { currentLang } from "@/lib/i18n";

const trpcContext = createTRPCContext<AppRouter>();
const { TRPCProvider } = trpcContext;
export const { useTRPC, useTRPCClient } = trpcContext;

/** The tRPC error code of a failed call, if it came from the API. */
export function trpcCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** A signed-out visitor (or an expired session) is sent to the sign-in page, keeping where they were. */
function redirectWhenSignedOut(error: unknown): void {
  if (typeof window === "undefined" || trpcCode(error) !== "UNAUTHORIZED") return;
  const { pathname, search } = window.location;
  if (pathname.startsWith("/login")) return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // A refusal (4xx) will not change by asking again; a dropped connection might.
        retry: (failures, error) => {
          const status = error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
          return failures < 2 && (status === undefined || status >= 500);
        },
      },
    },
  });
}

function apiUrl(): string {
  // During server rendering no query runs (queries start in the browser); the URL only has to parse.
  return typeof window === "undefined" ? "http://127.0.0.1/api/trpc" : `${window.location.origin}/api/trpc`;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: apiUrl(),
          // The API's router refuses a path over 100 characters (Fastify's maxParamLength) with 414,
          // and a batch names every procedure in the path: keep batches small.
          maxURLLength: 2000,
          maxItems: 5,
          // The API answers in the language asked for (messages and findings).
          headers: () => ({ "accept-language": currentLang() === "en" ? "en" : "zh-CN" }),
          fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
