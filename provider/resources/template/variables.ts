/** The `${name}` variables of a template's content, and what is wrong with how they are written. */

const VARIABLE = /\$\{([^{}]*)\}/gu;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

export interface ContentVariables {
  names: string[];
  /** Variables with names no carrier takes, and `${` left open. */
  problems: string[];
}

export function variablesOf(content: string): ContentVariables {
  const names: string[] = [];
  const problems: string[] = [];
  for (const match of content.matchAll(VARIABLE)) {
    const name = match[1] ?? "";
    if (NAME.test(name)) names.push(name);
    else problems.push("has a variable whose name is not letters, digits and _ (starting with a letter or _)");
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's variables are written ${name}, literally
  if (content.replace(VARIABLE, "").includes("${")) problems.push("has a ${ without its closing }");
  return { names, problems };
}
