#!/usr/bin/env python3
# Converts unmarked rule examples to the pinned format: reads what RuleExamplesTests says an example found,
# puts a ↓ before each finding's place in the example's string literal and adds `messages:` fragments.
# Usage:
#   swift test --skip-build --filter RuleExamplesTests 2>&1 \
#     | grep -oE "[a-z.-]+ triggering example [0-9]+ marks no finding.*" | sed 's/(put ↓ before each); //' | sort -u > /tmp/need.txt
#   python3 scripts/mark-rule-examples.py /tmp/need.txt
# Then check every change by eye: the markers record what the rule finds today, which must be what it should find.
# Examples built with """-literals, bytes or code are listed as SKIP and are marked by hand.
import os, re, glob, sys, json
root=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','Sources','SpeckitCore','Rules')+'/'
ids={}
for line in open(root+'Engine/RuleID.swift'):
    m=re.search(r'case (\w+) = "([^"]+)"',line)
    if m: ids[m.group(2)]=m.group(1)
files={}
for f in glob.glob(root+'*/*.swift'):
    s=open(f).read()
    m=re.search(r'id: \.(\w+),',s)
    if m: files[m.group(1)]=f
need={}
for line in open(sys.argv[1]):
    m=re.match(r'(\S+) triggering example (\d+) marks no finding it found (\[.*\])$',line.strip())
    rule,n,lst=m.group(1),int(m.group(2)),m.group(3)
    items=re.findall(r'"((?:[^"\\]|\\.)*)"',lst)
    fs=[]
    for it in items:
        it=it.replace("\\'","'")
        mm=re.match(r"(.+?):(\d+):(\d+) '(.*)'$",it)
        fs.append((mm.group(1),int(mm.group(2)),int(mm.group(3)),mm.group(4)))
    need.setdefault(rule,{})[n]=fs

def decode_positions(lit):
    # lit: source between quotes. returns list of (src_index) for each decoded scalar, plus line/col map
    pos=[] ; out=[]
    i=0
    while i<len(lit):
        c=lit[i]
        if c=='\\':
            d=lit[i+1]
            if d=='u':
                j=lit.index('}',i); ch=chr(int(lit[i+3:j],16)); pos.append(i); out.append(ch); i=j+1; continue
            if d=='(':
                raise Exception('interp')
            ch={'n':'\n','t':'\t','r':'\r','"':'"','\\':'\\','0':'\0',"'":"'"}[d]
            pos.append(i); out.append(ch); i+=2; continue
        pos.append(i); out.append(c); i+=1
    return pos,out

def src_index(lit,line,col):
    pos,out=decode_positions(lit)
    l,c=1,1
    for k,ch in enumerate(out):
        if l==line and c==col: return pos[k]
        if ch=='\n' or (ch=='\r' and (k+1>=len(out) or out[k+1]!='\n')): l+=1;c=1
        elif ch!='\r': c+=1
    if l==line and c==col: return len(lit)
    raise Exception(f'pos {line}:{col} not found')

def fragment(msg):
    if len(msg)<=48: return msg
    cut=msg.rfind(' ',0,48)
    return msg[:cut if cut>20 else 48]

skip=[]
for rule,exs in need.items():
    f=files[ids[rule]]
    s=open(f).read()
    a=s.index('triggering: ['); b=s.index('nonTriggering: [')
    block=s[a:b]
    # find top-level RuleExample( starts
    starts=[m.start() for m in re.finditer(r'RuleExample\(',block)]
    # examples = spans from start to next start
    def endof(i):
        depth=0; k=i; instr=False
        while True:
            ch=block[k]
            if instr:
                if ch=='\\': k+=2; continue
                if ch=='"': instr=False
            else:
                if ch=='"': instr=True
                elif ch=='(': depth+=1
                elif ch==')':
                    depth-=1
                    if depth==0: return k+1
            k+=1
    starts=[st for st in starts if not any(o<st<endof(o) for o in starts if o<st)]
    spans=[(st,endof(st)) for st in starts]
    newblock=block
    edits=[]
    for n,fs in exs.items():
        st,en=spans[n-1]
        ex=block[st:en]
        if 'messages:' in ex: continue
        if '"""' in ex or 'bytes:' in ex or 'repeating' in ex:
            skip.append((rule,n,fs)); continue
        inserts=[]
        try:
            for (fp,l,c,msg) in fs:
                if 'files:' in ex:
                    m=re.search(r'\(\s*(?:path: )?"'+re.escape(fp)+r'",\s*(?:text: )?"((?:[^"\\]|\\.)*)"',ex)
                    if not m: raise Exception('nofile '+fp)
                    litstart=m.start(1); lit=m.group(1)
                else:
                    m=re.search(r'"((?:[^"\\]|\\.)*)"',ex[len('RuleExample('):])
                    litstart=m.start(1)+len('RuleExample('); lit=m.group(1)
                inserts.append(litstart+src_index(lit,l,c))
        except Exception as e:
            skip.append((rule,n,fs,str(e))); continue
        frags=[fragment(x[3]) for x in fs]
        newex=ex
        for k in sorted(inserts,reverse=True):
            newex=newex[:k]+'↓'+newex[k:]
        # add messages before the closing paren of the example
        close=newex
        assert close.endswith(')'), (rule,n,newex)
        body=close[:-1]
        if len(set(frags))==1 and len(frags)>1: arr=[frags[0]]
        else: arr=frags
        msgs='messages: ['+', '.join(json.dumps(x,ensure_ascii=False) for x in arr)+']'
        if body.rstrip().endswith(('[',',','(')):
            pass
        sep=', ' if not body.endswith('\n') else ''
        newclose=body+sep+msgs+')'
        newex=newex.replace(close,newclose,1)
        edits.append((st,en,newex))
    for st,en,newex in sorted(edits,reverse=True):
        newblock=newblock[:st]+newex+newblock[en:]
    s=s[:a]+newblock+s[b:]
    open(f,'w').write(s)
for x in skip: print('SKIP',x)
