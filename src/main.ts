import { loadConfig } from './config.js';
import { DataFolderLockedError } from './db/index.js';
import { demoSignIns } from './demo/index.js';
import { startRapport } from './server.js';
import { startSmtpFromMain } from './channels/index.js';

/** Start-up: settings → database → migrations → app → jobs → channels, then listen. */
async function main() {
  const config = loadConfig();
  const rapport = await startRapport(config);
  const address = await rapport.app.listen({ port: config.port, host: config.host });
  await startSmtpFromMain(rapport);
  const url = config.publicUrl;
  const lines = [``, `Rapport is running at ${url}  (listening on ${address}, database: ${rapport.ctx.database.kind})`, `API reference: ${url}/api/docs`];
  if (rapport.firstAdmin) {
    lines.push(
      rapport.firstAdmin.password
        ? `First admin: ${rapport.firstAdmin.email} / ${rapport.firstAdmin.password}   (generated; shown only this once)`
        : `First admin: ${rapport.firstAdmin.email} (password from RAPPORT_ADMIN_PASSWORD)`,
    );
  }
  if (config.demo) {
    lines.push('Demo sign-ins (password for all: demo1234):');
    for (const s of demoSignIns) lines.push(`  ${s.role.padEnd(15)} ${s.email}`);
  }
  console.log(lines.join('\n') + '\n');
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping Rapport…`);
    await rapport.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof DataFolderLockedError) {
    console.error(`\nRapport cannot start: ${err.message}\n`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
