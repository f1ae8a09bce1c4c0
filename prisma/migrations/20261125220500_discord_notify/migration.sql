-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DiscordLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "discordUserId" TEXT NOT NULL,
    "linkedAt" DATETIME NOT NULL,
    "notify" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "DiscordLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DiscordLink" ("discordUserId", "id", "linkedAt", "userId") SELECT "discordUserId", "id", "linkedAt", "userId" FROM "DiscordLink";
DROP TABLE "DiscordLink";
ALTER TABLE "new_DiscordLink" RENAME TO "DiscordLink";
CREATE UNIQUE INDEX "DiscordLink_userId_key" ON "DiscordLink"("userId");
CREATE UNIQUE INDEX "DiscordLink_discordUserId_key" ON "DiscordLink"("discordUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

