"use client";
/** The report editor at /reports/<report id> (the browser tests' entry point). */
import { useParams } from "next/navigation";
import { ReportEditor } from "@/editor/editor";

export default function ReportEditorPage() {
  const { id } = useParams<{ id: string }>();
  return <ReportEditor id={id} />;
}
