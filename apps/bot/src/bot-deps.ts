// What every command handler uses: the server client and the dashboard's address.
import type { KubeaulaClient } from './server-client';

export interface BotDeps {
  server: KubeaulaClient;
  dashboardUrl: string;
}
