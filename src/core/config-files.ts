/** The names of the project config file, nearest first in each folder. */
export const CONFIG_FILE_NAMES = ['.gouji.json', '.gouji.jsonc'] as const;
