/** Validates a value with a zod schema; a failure is one InputError listing each issue with its path. */
import type { z } from "zod";
import { InputError, issue, show } from "../../errors.js";

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string, pathPrefix: readonly (string | number)[] = []): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(
    what,
    parsed.error.issues.map((i) =>
      issue("interop.badFile", {
        path: [...pathPrefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
        params: { what: i.message },
        ...("input" in i && i.input !== undefined ? { actual: show(i.input) } : {}),
      }),
    ),
  );
}
