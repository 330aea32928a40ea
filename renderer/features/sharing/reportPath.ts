// The file a typed path names: ".upr" added when missing, as the system's dialog would; a copy or
// changes to send are packed, ".uprz" (in place of a ".upr" typed).
export function reportFilePath(typed: string): string {
  const path = typed.trim();
  return path.toLowerCase().endsWith('.upr') ? path : `${path}.upr`;
}

export function packedFilePath(typed: string): string {
  const path = typed.trim();
  const lower = path.toLowerCase();
  if (lower.endsWith('.uprz')) return path;
  return `${lower.endsWith('.upr') ? path.slice(0, -4) : path}.uprz`;
}
