#!/usr/bin/env node
import { consoleIO } from './cli/command-io.js';
import { runCli } from './cli/main.js';

// The `carezone` command; what each command does is in cli/ (`carezone --help` lists them).
runCli(process.argv.slice(2), consoleIO, { env: process.env, cwd: process.cwd() }).then((code) => {
  if (code !== 0) process.exitCode = code;
});
