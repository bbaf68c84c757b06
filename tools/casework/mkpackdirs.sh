#!/bin/bash
# mkpackdirs.sh PACKSDIR N TAG : copy pack i + profile + brief into /tmp/judgepackTAG_i
P=$1; N=$2; T=$3
for i in $(seq 0 $((N-1))); do d=/tmp/judgepack${T}_$i; rm -rf $d; mkdir -p $d/personas/bohnenkiez
cp $P/pack$i.yaml $d/; cp /work/main/personas/bohnenkiez/{brand,tiktok,instagram,facebook}.yaml $d/personas/bohnenkiez/
cp /work/main/personas/bohnenkiez/{brand,tiktok,instagram,facebook}.yaml $d/
sed "s#/tmp/judgepack/#$d/#g" $P/BRIEF.md > $d/BRIEF.md; done
ls /tmp/judgepack${T}_*
