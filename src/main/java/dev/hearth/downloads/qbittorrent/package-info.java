/** The qBittorrent integration: Web API v2 (4.x and 5.x) behind {@code DownloadClient}. */
@NullMarked
package dev.hearth.downloads.qbittorrent;

import org.jspecify.annotations.NullMarked;
