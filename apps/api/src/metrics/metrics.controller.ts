import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow';
import { Metrics } from './metrics';

@ApiTags('health')
@Controller('metrics')
@Allow('monitor', 'admin')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: requests and commands by route and result, projection lag, rebuild progress, replay index lag, process figures' })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
