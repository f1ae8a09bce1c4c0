import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module';
import { LiveTicker } from './live-ticker';
import { TerminalGateway } from './terminal.gateway';

@Module({ imports: [ClustersModule], providers: [TerminalGateway, LiveTicker], exports: [LiveTicker] })
export class TerminalModule {}
