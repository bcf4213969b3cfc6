/**
 * The process metrics Prometheus clients conventionally export (the names prom-client uses), read
 * when /metrics is scraped: CPU time, resident memory, V8 heap, start time. What an operator
 * graphs first when a proxy slows down.
 */
const started = Date.now() / 1000 - process.uptime();

export function processMetrics(): string[] {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const metric = (name: string, type: 'counter' | 'gauge', help: string, value: number) => [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`];
  return [
    ...metric('process_cpu_user_seconds_total', 'counter', 'User CPU time spent, in seconds.', cpu.user / 1e6),
    ...metric('process_cpu_system_seconds_total', 'counter', 'System CPU time spent, in seconds.', cpu.system / 1e6),
    ...metric('process_cpu_seconds_total', 'counter', 'User and system CPU time spent, in seconds.', (cpu.user + cpu.system) / 1e6),
    ...metric('process_resident_memory_bytes', 'gauge', 'Resident memory size, in bytes.', memory.rss),
    ...metric('process_start_time_seconds', 'gauge', 'Start time of the process since the Unix epoch, in seconds.', Math.round(started)),
    ...metric('nodejs_heap_size_total_bytes', 'gauge', 'V8 heap size, in bytes.', memory.heapTotal),
    ...metric('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use, in bytes.', memory.heapUsed),
    ...metric('nodejs_external_memory_bytes', 'gauge', 'Memory of C++ objects bound to JavaScript objects, in bytes.', memory.external),
  ];
}
