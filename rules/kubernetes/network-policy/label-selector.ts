import { isRecord, listOf, recordOf } from "../../read";

/**
 * True when a Kubernetes label selector (`matchLabels` and `matchExpressions` with `In`, `NotIn`,
 * `Exists`, `DoesNotExist`) selects an object with `labels`. An empty selector selects everything;
 * a selector that is not a mapping, or an expression with an unknown operator, selects nothing.
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, unknown>>,
): boolean {
  if (!isRecord(selector)) {
    return false;
  }
  const has = (key: string) => Object.prototype.hasOwnProperty.call(labels, key);
  const matchLabels = recordOf(selector.matchLabels) ?? {};
  if (!Object.entries(matchLabels).every(([key, value]) => has(key) && labels[key] === value)) {
    return false;
  }
  return listOf(selector.matchExpressions).every((entry) => {
    const expression = recordOf(entry);
    const key = expression?.key;
    if (typeof key !== "string") {
      return false;
    }
    const values = listOf(expression?.values);
    switch (expression?.operator) {
      case "In":
        return has(key) && values.includes(labels[key]);
      case "NotIn":
        return !has(key) || !values.includes(labels[key]);
      case "Exists":
        return has(key);
      case "DoesNotExist":
        return !has(key);
      default:
        return false;
    }
  });
}
