import type { CliCommand } from '../../cli/command.ts';

/** `jing certificates …` commands. */
export const certificateCommands: CliCommand[] = [
  {
    name: 'certificates rotate-key',
    summary: 'start signing e-certificates with a new Ed25519 key (older keys keep verifying; see ADR 0017)',
    async run(jing, _args, io) {
      const before = await jing.certificates.signer.ready();
      const after = await jing.certificates.signer.rotate();
      io.out(JSON.stringify({ retired: before, current: after }, null, 2));
      return 0;
    },
  },
];
