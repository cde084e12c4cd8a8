import { fieldPath } from "../field-path";
import { Exemption } from "./exemption";

/** Annotation listing exempted rules: `"<rule-id>[:<container>][,<rule-id>[:<container>]]"`. */
export const EXEMPT_ANNOTATION = "hardened.dev/exempt";

/** Annotation giving the reason for the exemptions in `hardened.dev/exempt`. Mandatory. */
export const EXEMPT_REASON_ANNOTATION = "hardened.dev/exempt-reason";

/** A problem with an exemption annotation, at an exact field path. */
export interface ExemptionProblem {
  readonly path: string;
  readonly message: string;
}

/** The exemptions one `metadata.annotations` declares, and what is wrong with them. */
export interface AnnotationExemptions {
  readonly exemptions: readonly Exemption[];
  readonly problems: readonly ExemptionProblem[];
}

/**
 * Reads the exemption annotations of one metadata object. Exemptions without a reason, and
 * entries naming no known rule, are not honoured: they come back as problems instead.
 *
 * @param annotations `metadata.annotations` as written (any type).
 * @param annotationsPath field path of those annotations, for problem paths.
 * @param isKnownRule tells whether a rule id exists in the catalog.
 */
export function exemptionsFromAnnotations(
  annotations: unknown,
  annotationsPath: string,
  isKnownRule: (id: string) => boolean,
): AnnotationExemptions {
  if (typeof annotations !== "object" || annotations === null) {
    return { exemptions: [], problems: [] };
  }
  const record = annotations as Record<string, unknown>;
  const list = record[EXEMPT_ANNOTATION];
  if (list === undefined) {
    return { exemptions: [], problems: [] };
  }
  const listPath = fieldPath(annotationsPath, EXEMPT_ANNOTATION);
  const reasonPath = fieldPath(annotationsPath, EXEMPT_REASON_ANNOTATION);
  const reason = record[EXEMPT_REASON_ANNOTATION];
  if (typeof reason !== "string" || reason.trim() === "") {
    return {
      exemptions: [],
      problems: [
        {
          path: reasonPath,
          message: `${EXEMPT_ANNOTATION} is set but ${EXEMPT_REASON_ANNOTATION} is missing or empty: every exemption needs a reason, so none is honoured`,
        },
      ],
    };
  }
  if (typeof list !== "string") {
    return {
      exemptions: [],
      problems: [
        { path: listPath, message: `${EXEMPT_ANNOTATION} must be a string, got ${typeof list}` },
      ],
    };
  }
  const exemptions: Exemption[] = [];
  const problems: ExemptionProblem[] = [];
  for (const entry of list
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "")) {
    const [ruleId, container, extra] = entry.split(":").map((p) => p.trim());
    if (extra !== undefined || container === "" || !isKnownRule(ruleId)) {
      problems.push({
        path: listPath,
        message: `"${entry}" is not "<rule-id>" or "<rule-id>:<container>" naming a known rule`,
      });
      continue;
    }
    exemptions.push(container === undefined ? { ruleId, reason } : { ruleId, container, reason });
  }
  return { exemptions, problems };
}
