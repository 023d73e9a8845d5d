# Sourced by the bench scripts. qbittorrent_start DIR WEBUI_PORT PEER_PORT SAVE_DIR [LINE…]: a qbittorrent-nox on
# loopback only, as the tests' harness starts it (an unseeded profile listens on every interface with DHT on), its
# profile in DIR, its log DIR.log, its pid in QB_PID. Each LINE is added to the profile's [BitTorrent] section.
qbittorrent_start() {
  local dir="$1" webui="$2" peer="$3" save="$4"; shift 4
  mkdir -p "$dir/qBittorrent/config" "$save"
  {
    printf '%s\n' '[LegalNotice]' 'Accepted=true' '[BitTorrent]' 'Session\DHTEnabled=false' 'Session\PeXEnabled=false' \
      'Session\LSDEnabled=false' 'Session\Interface=lo' 'Session\InterfaceName=lo' 'Session\InterfaceAddress=127.0.0.1'
    printf '%s\n' "Session\\Port=$peer" "Session\\DefaultSavePath=$save" "$@"
    printf '%s\n' '[Preferences]' 'Connection\UPnP=false' 'General\Locale=en' 'WebUI\Address=127.0.0.1' "WebUI\\Port=$webui"
  } >"$dir/qBittorrent/config/qBittorrent.conf"
  HOME="$dir" qbittorrent-nox --profile="$dir" --webui-port="$webui" </dev/null >"$dir.log" 2>&1 &
  QB_PID=$!
}
