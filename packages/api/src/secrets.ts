/** Passwords (argon2id) and random secrets (sessions, API tokens, stored as sha256). */
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { PasswordHashing } from "./context";

/** Algorithm.Argon2id; spelled out because the enum is a const enum TS cannot import in isolated modules. */
const ARGON2ID = 2;

export function hashPassword(password: string, cost: PasswordHashing): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...cost });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** 32 random bytes, URL-safe. High entropy, so a plain sha256 is a sound way to store it. */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export const API_TOKEN_PREFIX = "nbk_";
