// What the bot itself says (kubectl output stays as kubectl prints it).
export const botText = {
  notLinked: (dashboardUrl: string) =>
    `Your Discord account is not linked to kubeaula yet. Sign in at ${dashboardUrl}, ask for a Discord link code on your dashboard, then type \`/link code:<code>\` (or \`!link <code>\`) here. The code is valid for 10 minutes.`,
  serverDown: 'The kubeaula server is not reachable right now, so nothing was run. Please try again in a minute.',
  tooFast: 'You are sending commands faster than the class allows. Wait a few seconds and try again.',
  noCluster: 'You have no cluster yet: join a classroom from your dashboard first.',
  linked: (username: string) => `Linked: this Discord account now acts as **${username}** on kubeaula.`,
  badLinkCode: 'That link code is unknown or expired. Ask for a new one on your dashboard (it is valid for 10 minutes) and try again.',
  linkUsage: 'Usage: `!link <code>` with the 8-digit code from your dashboard.',
  missingYaml: 'To use `-f -`, put the manifest in a ```yaml code block in the same message, after the command.',
  emptyCommand: (name: string) => `Usage: \`!${name} ARGS\`. Type \`!help\` for the list of commands.`,
  unknownCommand: (name: string) => `Unknown command \`!${name}\`. Type \`!help\` for the list of commands.`,
  capped: 'This command waits for changes: here you see what happened in the first few seconds.',
  resetAsk: 'This puts your cluster back to a fresh start: everything you created in it is gone. Reset it?',
  resetDone: 'Your cluster was reset to a fresh start.',
  resetCancelled: 'Nothing was reset.',
  notYourButton: 'This button belongs to someone else\'s command.',
  failed: (message: string) => `The server refused: ${message}`,
};
