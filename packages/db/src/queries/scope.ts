/**
 * Scope by materialised path: an organisation's path is its ancestors' ids ("/root/dept/"), so a
 * subtree is a prefix — tested in memory with `inSubtree` and in SQL with `orgInSubtree`, one rule.
 */
import { like, type SQL } from "drizzle-orm";
import type { Tables } from "../client";

/** Whether `path` lies in the subtree rooted at `scopePath` (itself included). */
export function inSubtree(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** The LIKE pattern of a subtree's paths, for a prepared statement's placeholder. */
export function subtreePattern(scopePath: string): string {
  return `${scopePath}%`;
}

/** The organisations (joined as `t.organisations`) in the subtree rooted at `scopePath`, itself included. */
export function orgInSubtree(t: Tables, scopePath: string): SQL {
  return like(t.organisations.path, subtreePattern(scopePath));
}
