// Notifications to students' Discord DMs: the preference, the hub that follows their clusters,
// and the bot's push channel.
import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { TerminalModule } from '../terminal/terminal.module';
import { BotGateway } from './bot-gateway';
import { NotificationHub } from './notification-hub';
import { NotifyPreferences } from './notify-preferences';

@Module({
  imports: [ClustersModule, TerminalModule],
  providers: [NotifyPreferences, NotificationHub, BotGateway],
  exports: [NotifyPreferences, NotificationHub],
})
export class NotificationsModule {}
