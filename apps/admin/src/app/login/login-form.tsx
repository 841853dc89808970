"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useT } from "@/lib/i18n";
import { useTRPC } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginForm() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const next = safeNext(useSearchParams().get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const errorId = useId();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async (me) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), me);
        router.replace(next);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  }

  const error = login.error ? errorMessage(login.error) : undefined;
  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm"
      aria-describedby={error ? errorId : undefined}
    >
      <h1 className="text-lg font-semibold text-slate-900">{t("app.name")}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">{t("login.hint")}</p>
      <LoginField name="username" label={t("login.username")} value={username} onChange={setUsername} autoFocus />
      <LoginField
        name="password"
        label={t("login.password")}
        value={password}
        onChange={setPassword}
        type="password"
        autoComplete="current-password"
      />
      {error && (
        <p id={errorId} role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={login.isPending || login.isSuccess}>
        {login.isPending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}

/** A labelled, required field of the sign-in form; its id and name are `name`. */
function LoginField({
  name,
  label,
  value,
  onChange,
  type = "text",
  autoComplete = name,
  autoFocus = false,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  return (
    <div className="mb-4">
      <Label htmlFor={name}>{label}</Label>
      <Input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
