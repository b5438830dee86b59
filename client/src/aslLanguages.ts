/** The editor languages whose documents are whole state machines: JSON (`asl`) and YAML (`asl-yaml`, as the AWS Toolkit names it). */
export const ASL_LANGUAGES: readonly string[] = ['asl', 'asl-yaml'];

export function isAslLanguage(languageId: string): boolean {
  return ASL_LANGUAGES.includes(languageId);
}
