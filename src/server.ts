import { loadConfig } from './config.js';
import { createService } from './service.js';

/** Starts the HTTP service: builds the index on first run, then listens. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { app, logger } = await createService(config);
  const server = app.listen(config.PORT, config.HOST, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
    logger.info(`Trợ lý ảo pháp lý đang chạy tại http://${config.HOST}:${port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
