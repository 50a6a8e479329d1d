#!/usr/bin/env node
/** `pulumi-volcengine-sms <command>`: what the account holds, resolved with the credentials the provider would use. */
import { parseArgs } from "node:util";
import { isVolcengineError } from "../errors";
import { redact } from "../redact";
import { qualificationsCommand } from "../resources/qualification/command";
import { signaturesCommand } from "../resources/signature/command";
import { templatesCommand } from "../resources/template/command";
import { COMMON_OPTIONS, type Command, type OptionValues } from "./command";
import { UsageError } from "./stack-config";

const COMMANDS: Readonly<Record<string, Command>> = {
  qualifications: qualificationsCommand,
  signatures: signaturesCommand,
  templates: templatesCommand,
};

function overview(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(16)} ${command.summary}`);
  return (
    `Usage: pulumi-volcengine-sms <command> [options]\n\nCommands:\n${lines.join("\n")}\n\n` +
    "pulumi-volcengine-sms <command> --help shows a command's options.\n"
  );
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const help = name === "--help" || name === "-h";
    if (!help) process.stderr.write(`error: ${name === undefined ? "name a command" : `unknown command ${name}`}\n\n`);
    (help ? process.stdout : process.stderr).write(overview());
    return help ? 0 : 2;
  }
  try {
    const values = parsed(command, rest);
    if (values.help) {
      process.stdout.write(command.usage);
      return 0;
    }
    return await command.run(values);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    const message = isVolcengineError(error) ? error.message : redact(String(error));
    process.stderr.write(`error: ${message}\n`);
    return 1;
  }
}

function parsed(command: Command, args: readonly string[]): OptionValues {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { ...COMMON_OPTIONS, ...command.options },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals.join(" ")}`);
    return values as OptionValues;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
