/**
 * Reads a Lambda REPORT log export and its sizes CSV from disk and joins them (see joinLambdaTraces).
 */
import { readFile } from "node:fs/promises";
import { inputError } from "../errors.js";
import { joinLambdaTraces, type LambdaJoinOptions, type LambdaJoinResult } from "./join-lambda-traces.js";

async function readText(path: string, expected: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw inputError(`Cannot read ${path}`, { code: "invalid_value", path: [path], message: (e as Error).message, expected });
  }
}

export async function readLambdaTraces(reportPath: string, sizesPath: string, options: Omit<LambdaJoinOptions, "reportFile" | "sizesFile"> = {}): Promise<LambdaJoinResult> {
  const [reportText, sizesText] = await Promise.all([readText(reportPath, "a CloudWatch log export"), readText(sizesPath, "a CSV of request sizes")]);
  return joinLambdaTraces(reportText, sizesText, { ...options, reportFile: reportPath, sizesFile: sizesPath });
}
