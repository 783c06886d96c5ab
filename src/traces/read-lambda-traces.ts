/**
 * Reads a Lambda REPORT log export and its sizes CSV from disk and joins them (see joinLambdaTraces).
 */
import { readFile } from "node:fs/promises";
import { sluiceError } from "../errors.js";
import { joinLambdaTraces, type LambdaJoinOptions, type LambdaJoinResult } from "./join-lambda-traces.js";

async function readText(path: string, expected: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw sluiceError("io.cannotRead", { path: [path], expected, params: { reason: (e as Error).message } }, { what: `Cannot read ${path}` });
  }
}

export async function readLambdaTraces(reportPath: string, sizesPath: string, options: Omit<LambdaJoinOptions, "reportFile" | "sizesFile"> = {}): Promise<LambdaJoinResult> {
  const [reportText, sizesText] = await Promise.all([readText(reportPath, "a CloudWatch log export"), readText(sizesPath, "a CSV of request sizes")]);
  return joinLambdaTraces(reportText, sizesText, { ...options, reportFile: reportPath, sizesFile: sizesPath });
}
