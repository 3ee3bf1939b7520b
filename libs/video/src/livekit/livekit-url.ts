/** RoomService (Twirp over HTTP) lives at the same host as the signalling WebSocket: ws→http, wss→https. */
export function roomServiceUrl(livekitUrl: string): string {
  const url = new URL(livekitUrl);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  return url.origin;
}

/** Clients connect over WebSocket: http→ws, https→wss (an operator may configure either form). */
export function clientUrl(livekitUrl: string): string {
  const url = new URL(livekitUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.toString().replace(/\/$/, '');
}
