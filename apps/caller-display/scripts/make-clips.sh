#!/bin/sh
# Makes the shipped voice clips (src/renderer/public/clips/<lang>/<token>.ogg + manifest.json) with
# espeak-ng and sox: one short clip per announcement token of @hallkit/core's callAnnouncement.
# The clips are committed, so neither the build nor CI needs espeak-ng; run this again only to
# change the synthetic voice. A hall replaces them with its own recordings: see the README.
set -eu
cd "$(dirname "$0")/.."
OUT=src/renderer/public/clips
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# clip <lang> <espeak voice> <file name (token)> <spoken text>
clip() {
  espeak-ng -v "$2" -s 150 -w "$TMP/raw.wav" "$4"
  # 16 kHz mono Vorbis, leading/trailing silence trimmed so clips join without gaps.
  sox "$TMP/raw.wav" -r 16000 -c 1 -C 1 "$OUT/$1/$3.ogg" gain -n -3 silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0 0.04
  printf '%s\n' "$3" >> "$TMP/$1.list"
}

manifest() {
  # {"v":1,"lang":"zh-CN","files":{"请":"请.ogg",…}}
  { printf '{"v":1,"lang":"%s","files":{' "$1"
    sep=''
    while IFS= read -r t; do printf '%s"%s":"%s.ogg"' "$sep" "$t" "$t"; sep=','; done < "$TMP/$1.list"
    printf '}}\n'; } > "$OUT/$1/manifest.json"
}

rm -rf "$OUT/zh-CN" "$OUT/en"
mkdir -p "$OUT/zh-CN" "$OUT/en"

ZH_DIGITS="零 一 二 三 四 五 六 七 八 九"
i=0
for d in $ZH_DIGITS; do clip zh-CN cmn "$i" "$d"; i=$((i + 1)); done
clip zh-CN cmn 10 十
clip zh-CN cmn 100 百
clip zh-CN cmn 1000 千
clip zh-CN cmn 请 请
clip zh-CN cmn 号 号
clip zh-CN cmn 到 到
clip zh-CN cmn 号窗口 号窗口
clip zh-CN cmn 办理 办理
for l in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do clip zh-CN cmn "$l" "$l"; done
manifest zh-CN

EN_DIGITS="zero one two three four five six seven eight nine"
i=0
for d in $EN_DIGITS; do clip en en-gb "$i" "$d"; i=$((i + 1)); done
clip en en-gb number "Number"
clip en en-gb please-go-to-window "please go to window"
for l in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do clip en en-gb "$l" "$l"; done
manifest en

du -sh "$OUT"
