import { Injectable } from '@nestjs/common';

/** Upper bounds of the request duration histogram, in seconds. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  method: string;
  route: string;
  status: number;
  count: number;
}

interface Durations {
  method: string;
  route: string;
  buckets: number[];
  sum: number;
  count: number;
}

const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * Request counts and durations per route pattern (never per URL: ids would make the series
 * unbounded), in the Prometheus text format.
 */
@Injectable()
export class HttpMetrics {
  private readonly requests = new Map<string, Series>();
  private readonly durations = new Map<string, Durations>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    const series = this.requests.get(key);
    if (series) series.count += 1;
    else this.requests.set(key, { method, route, status, count: 1 });
    const dkey = `${method} ${route}`;
    let d = this.durations.get(dkey);
    if (!d) this.durations.set(dkey, (d = { method, route, buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) d.buckets[i]! += 1;
    d.sum += seconds;
    d.count += 1;
  }

  render(): string[] {
    const lines = [
      '# HELP baytaq_http_requests_total HTTP requests answered, by route pattern and status.',
      '# TYPE baytaq_http_requests_total counter',
    ];
    for (const s of this.requests.values()) {
      lines.push(
        `baytaq_http_requests_total{method="${s.method}",route="${label(s.route)}",status="${s.status}"} ${s.count}`,
      );
    }
    lines.push(
      '# HELP baytaq_http_request_duration_seconds Time to answer an HTTP request.',
      '# TYPE baytaq_http_request_duration_seconds histogram',
    );
    for (const d of this.durations.values()) {
      const base = `method="${d.method}",route="${label(d.route)}"`;
      BUCKETS.forEach((le, i) =>
        lines.push(`baytaq_http_request_duration_seconds_bucket{${base},le="${le}"} ${d.buckets[i]}`),
      );
      lines.push(`baytaq_http_request_duration_seconds_bucket{${base},le="+Inf"} ${d.count}`);
      lines.push(`baytaq_http_request_duration_seconds_sum{${base}} ${d.sum}`);
      lines.push(`baytaq_http_request_duration_seconds_count{${base}} ${d.count}`);
    }
    return lines;
  }
}
