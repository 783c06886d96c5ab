export async function runCalibrateCommand(_argv: string[]): Promise<number> { return 0; }
