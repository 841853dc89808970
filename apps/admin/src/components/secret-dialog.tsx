"use client";
/** A secret shown once, right after it is made (an API token, a webhook's signing key), and the flow that leads to it. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useT } from "@/lib/i18n";

interface SecretTexts {
  title: string;
  description: string;
}

function SecretDialog({ secret, title, description, onClose }: SecretTexts & { secret: string; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title} description={description}>
      <div className="flex gap-2">
        <Input readOnly value={secret} aria-label={title} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t("token.copied") : t("token.copy")}
        </Button>
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t("common.close")}</Button>
      </div>
    </Dialog>
  );
}

/**
 * Create, then show the secret once: `start` opens the creating dialog, which takes `dialogProps`;
 * what it creates is shown in `secretDialog` until closed.
 */
export function useCreatedSecret(texts: SecretTexts) {
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  return {
    creating,
    start: () => setCreating(true),
    dialogProps: {
      onClose: () => setCreating(false),
      onCreated: (value: string) => {
        setCreating(false);
        setSecret(value);
      },
    },
    secretDialog: secret && <SecretDialog secret={secret} {...texts} onClose={() => setSecret(null)} />,
  };
}
