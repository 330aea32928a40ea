// The report file a typed path names: ".upr" added when missing, as the system's dialog would.
export function reportFilePath(typed: string): string {
  const path = typed.trim();
  return path.toLowerCase().endsWith('.upr') ? path : `${path}.upr`;
}
