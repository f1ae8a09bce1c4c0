// Follows the clusters of every student with notifications on, while at least one bot is
// connected, and hands what they should hear about to a bot: the facts and the student's
// language; the bot words them. Followed clusters are stepped by the LiveTicker, so a crash loop
// or a node going down is noticed even when no browser has the cluster open.
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ClusterChange, ClusterEvents } from '../clusters/cluster-events';
import { PrismaService } from '../database/prisma.service';
import { LiveTicker } from '../terminal/live-ticker';
import { Notice, NoticeFilter, noticesOf } from './cluster-notices';
import { NotifyPreferences } from './notify-preferences';

/** What the server pushes to the bot: `{event: 'notify', data}`. */
export interface BotNotification {
  discordUserId: string;
  locale: 'es' | 'en';
  clusterId: string;
  classroomName?: string;
  notice: Omit<Notice, 'key'>;
}

export type BotSender = (n: BotNotification) => void;

/** Clusters remembered as nobody's followed (bounded: the set is dropped past it and refills). */
const MAX_NOT_FOLLOWED = 10_000;

@Injectable()
export class NotificationHub implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationHub');
  private readonly bots: BotSender[] = [];
  private next = 0;
  /** userId to the functions that stop following their clusters. */
  private readonly followed = new Map<string, (() => void)[]>();
  /** The followed clusters and whose they are. */
  private readonly clusterOwner = new Map<string, string>();
  /** Clusters seen changing that belong to nobody followed (cleared when someone is followed anew). */
  private readonly notFollowed = new Set<string>();
  /** Stops watching every cluster for ones made after their student was followed. */
  private offAll?: () => void;
  private readonly filter = new NoticeFilter();

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: ClusterEvents,
    private readonly ticker: LiveTicker,
    private readonly prefs: NotifyPreferences,
  ) {}

  async connect(bot: BotSender): Promise<void> {
    this.bots.push(bot);
    if (this.bots.length === 1) {
      // a cluster made later (a lesson's own cluster, an exam's) shows itself by its first change
      this.offAll = this.events.subscribeAll((change) => {
        // every change of every cluster passes here: only an unknown cluster costs a lookup
        const id = change.clusterId;
        if (this.followed.size && !this.clusterOwner.has(id) && !this.notFollowed.has(id)) void this.adopt(change);
      });
      for (const u of await this.prefs.linkedUsersOn()) await this.follow(u.userId);
    }
  }

  disconnect(bot: BotSender): void {
    const i = this.bots.indexOf(bot);
    if (i >= 0) this.bots.splice(i, 1);
    if (this.bots.length === 0) this.stopAll();
  }

  /** A student turned notifications on or off (their clusters are looked up again). */
  async changed(userId: string, on: boolean): Promise<void> {
    this.unfollow(userId);
    if (on && this.bots.length) await this.follow(userId);
  }

  private async follow(userId: string): Promise<void> {
    const clusters = await this.prisma.cluster.findMany({ where: { membership: { userId } }, select: { id: true } });
    this.unfollow(userId);
    this.followed.set(userId, []);
    this.notFollowed.clear();
    for (const c of clusters) this.followCluster(userId, c.id);
  }

  private followCluster(userId: string, clusterId: string): void {
    const offs = this.followed.get(userId);
    if (!offs || this.clusterOwner.has(clusterId)) return;
    this.clusterOwner.set(clusterId, userId);
    offs.push(this.events.subscribe(clusterId, (change) => void this.onChange(userId, change)), this.ticker.watch(clusterId), () => this.clusterOwner.delete(clusterId));
  }

  /** A change of a cluster not followed: followed from now on if it is a followed student's. */
  private async adopt(change: ClusterChange): Promise<void> {
    const id = change.clusterId;
    try {
      const row = await this.prisma.cluster.findUnique({ where: { id }, select: { membership: { select: { userId: true } } } });
      const userId = row?.membership.userId;
      if (!userId || !this.followed.has(userId)) {
        if (this.notFollowed.size >= MAX_NOT_FOLLOWED) this.notFollowed.clear();
        this.notFollowed.add(id);
        return;
      }
      if (this.clusterOwner.has(id)) return;
      this.followCluster(userId, id);
      await this.onChange(userId, change);
    } catch (e) {
      this.logger.warn(`looking up the owner of ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private unfollow(userId: string): void {
    for (const off of this.followed.get(userId) ?? []) off();
    this.followed.delete(userId);
  }

  private stopAll(): void {
    this.offAll?.();
    this.offAll = undefined;
    for (const userId of [...this.followed.keys()]) this.unfollow(userId);
    this.notFollowed.clear();
  }

  private async onChange(userId: string, change: ClusterChange): Promise<void> {
    const notices = noticesOf(change.events).filter((n) => this.filter.take(change.clusterId, n));
    if (!notices.length || !this.bots.length) return;
    try {
      const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { locale: true, discordLink: { select: { discordUserId: true, notify: true } } } });
      // Relinking Discord (or unlinking) creates a link with notifications off: the old choice no longer holds.
      if (!user?.discordLink?.notify) return;
      const cluster = await this.prisma.cluster.findUnique({ where: { id: change.clusterId }, select: { membership: { select: { classroom: { select: { name: true } } } } } });
      for (const { key: _key, ...notice } of notices) {
        this.send({ discordUserId: user.discordLink.discordUserId, locale: user.locale === 'en' ? 'en' : 'es', clusterId: change.clusterId, classroomName: cluster?.membership.classroom.name, notice });
      }
    } catch (e) {
      this.logger.warn(`notification for ${change.clusterId} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** One bot gets each notification (several bot processes would otherwise each send the DM). */
  private send(n: BotNotification): void {
    const bot = this.bots[this.next++ % this.bots.length];
    bot(n);
  }

  onModuleDestroy(): void {
    this.stopAll();
  }
}
