// Used by the daemon's last log line, --status and the briefing: how long the agent has run, in one
// form everywhere ("2d 3h 4m", "3h 4m", "4m 5s", "5s").
export function formatUptime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return minutes > 0 ? `${minutes}m ${total % 60}s` : `${total % 60}s`;
}
