// What an empty list says: why it is empty and what to do about it, the same wherever the list is drawn.
import { h } from '../ui.js';

const code = (text) => h('code', {}, text);
const empty = (id, title, ...how) => h('div', { class: 'empty', 'data-empty': id }, h('p', { class: 'muted how' }, h('strong', {}, title), ' ', ...how));

export const emptyServices = () => empty('services', 'No services yet.',
  'Hearth shows the services listed under ', code('services:'), ' in hearth.yml (each with a ', code('url'), ', and optionally an ',
  code('integration'), ' to talk to its API and a ', code('runtime'), ' to start and stop it), and the containers of the Docker engine on this machine,',
  ' found by itself when the user Hearth runs as may use its socket (or those of the engines under ', code('docker.endpoints'),
  '). Add services there and restart Hearth; docs/configuration.md describes every key.');

export const emptyClients = () => empty('clients', 'No download client yet.',
  'Hearth drives qBittorrent, Deluge, Transmission and aria2. Add the client to hearth.yml as a service with its ', code('url'), ', ',
  code('integration: qbittorrent'), ' (or ', code('deluge'), ', ', code('transmission'), ', ', code('aria2'),
  ') and its ', code('credentials'), ', then restart Hearth: it appears here with its health.');

export const emptyChannels = () => empty('channels', 'No notification channels yet: alerts and finished downloads reach nobody.',
  'Add one under ', code('notifications.channels'), ' in hearth.yml (Telegram, ntfy, Gotify, Discord, email or a webhook) and restart Hearth; ',
  'then send it a test from here.');
