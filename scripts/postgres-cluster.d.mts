export interface PostgresCluster {
  url: string;
  port: number;
  stop(): void;
}
export function postgresUnavailableReason(): string | null;
export function startPostgresCluster(): Promise<PostgresCluster>;
