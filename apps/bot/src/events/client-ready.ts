// clientReady: says who the bot is logged in as.
export function onClientReady(tag: string, log: (line: string) => void = console.log): void {
  log(`kubeaula-bot: logged in to Discord as ${tag}`);
}
