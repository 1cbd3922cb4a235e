<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>Assessment</name>
    <message>
        <source>{pct} % of beats were corrected (more than {max} %)</source>
        <translation>{pct} % dos batimentos foram corrigidos (mais de {max} %)</translation>
    </message>
    <message>
        <source>too few beats in this block</source>
        <translation>poucos batimentos neste bloco</translation>
    </message>
    <message>
        <source>breathing (read from the pulse) was {bpm} /min, not at the pacer&apos;s {rate} /min</source>
        <translation>a respiração (lida do pulso) foi de {bpm} /min, não aos {rate} /min do guia</translation>
    </message>
    <message>
        <source>heart rate oscillated at {bpm} /min, not at the pacer&apos;s {rate} /min</source>
        <translation>a frequência cardíaca oscilou a {bpm} /min, não aos {rate} /min do guia</translation>
    </message>
    <message>
        <source>no clear heart-rate oscillation with the breath (explains {pct} % of the variation)</source>
        <translation>sem uma oscilação clara da frequência cardíaca com a respiração (explica {pct} % da variação)</translation>
    </message>
    <message>
        <source>only {n} complete breaths</source>
        <translation>só {n} respirações completas</translation>
    </message>
    <message>
        <source>only {usable} of {n} rates gave a usable block (at least {needed} are needed)</source>
        <translation>só {usable} de {n} ritmos deram um bloco utilizável (são precisos pelo menos {needed})</translation>
    </message>
    <message>
        <source>in {k} of {n} blocks heart rate did not rise and fall with the pacer: {cause}</source>
        <translation>em {k} de {n} blocos a frequência cardíaca não subiu e desceu com o guia: {cause}</translation>
    </message>
    <message>
        <source>the breathing read from the pulse did not follow it</source>
        <translation>a respiração lida do pulso não o acompanhou</translation>
    </message>
    <message>
        <source>the breathing may not have followed it</source>
        <translation>a respiração pode não o ter acompanhado</translation>
    </message>
    <message>
        <source>too noisy: in {k} of {n} blocks more than {max} % of beats had to be corrected (movement or a loose sensor)</source>
        <translation>demasiado ruído: em {k} de {n} blocos foi preciso corrigir mais de {max} % dos batimentos (movimento ou um sensor solto)</translation>
    </message>
    <message>
        <source>{k} of {n} blocks had too few beats or breaths to score</source>
        <translation>{k} de {n} blocos tiveram poucos batimentos ou respirações para pontuar</translation>
    </message>
    <message>
        <source>{rate} /min: {reason}</source>
        <translation>{rate} /min: {reason}</translation>
    </message>
    <message>
        <source>Heart rate was timed against the breathing signal given with the beats.</source>
        <translation>A frequência cardíaca foi sincronizada com o sinal de respiração que chega com os batimentos.</translation>
    </message>
    <message>
        <source>Heart rate was timed against the guide: your breathing could not be read from the pulse wave.</source>
        <translation>A frequência cardíaca foi sincronizada com o guia: não foi possível ler a sua respiração na onda do pulso.</translation>
    </message>
    <message>
        <source>Read from {read}, you breathed {where}{some}; heart rate was timed against your breathing, not the guide.</source>
        <translation>Segundo {read}, respirou {where}{some}; a frequência cardíaca foi sincronizada com a sua respiração, não com o guia.</translation>
    </message>
    <message>
        <source>the chest strap&apos;s movement</source>
        <translation>o movimento da cinta de peito</translation>
    </message>
    <message>
        <source>your pulse</source>
        <translation>o seu pulso</translation>
    </message>
    <message>
        <source>about {s} s behind the guide</source>
        <translation>cerca de {s} s atrás do guia</translation>
    </message>
    <message>
        <source>about {s} s ahead of the guide</source>
        <translation>cerca de {s} s à frente do guia</translation>
    </message>
    <message>
        <source>in time with the guide</source>
        <translation>a compasso com o guia</translation>
    </message>
    <message>
        <source> (in {k} of {n} blocks)</source>
        <translation> (em {k} de {n} blocos)</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <source>{what} off: no audio output device found</source>
        <translation>{what} desligado: não foi encontrado nenhum dispositivo de saída de áudio</translation>
    </message>
    <message>
        <source>{what} off: sound is not available here ({why})</source>
        <translation>{what} desligado: o som não está disponível aqui ({why})</translation>
    </message>
    <message>
        <source>Audio cue</source>
        <translation>Aviso sonoro</translation>
    </message>
    <message>
        <source>Coherence sound</source>
        <translation>Som de coerência</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Stress</source>
        <translation>Tensão</translation>
    </message>
    <message>
        <source>0 none · 10 extreme</source>
        <translation>0 nenhum · 10 extremo</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dor</translation>
    </message>
    <message>
        <source>0 none · 10 worst imaginable</source>
        <translation>0 nenhuma · 10 a pior imaginável</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humor</translation>
    </message>
    <message>
        <source>0 very low · 10 excellent</source>
        <translation>0 muito em baixo · 10 excelente</translation>
    </message>
    <message>
        <source>Type 0 to 9 (1 then 0 for 10), or use the arrow keys; Delete clears the answer.</source>
        <translation>Escreva de 0 a 9 (1 e depois 0 para 10), ou use as setas; Delete apaga a resposta.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>Check-in before the session</source>
        <translation>Registo antes da sessão</translation>
    </message>
    <message>
        <source>Check-in after the session</source>
        <translation>Registo depois da sessão</translation>
    </message>
    <message>
        <source>How do you feel right now? Every question is optional.</source>
        <translation>Como se sente neste momento? Todas as perguntas são opcionais.</translation>
    </message>
    <message>
        <source>And now, after the session? Every question is optional.</source>
        <translation>E agora, depois da sessão? Todas as perguntas são opcionais.</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>Uma nota (opcional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <source>biofeedback — client view</source>
        <translation>biofeedback — vista do cliente</translation>
    </message>
    <message>
        <source>Heart rate curve with the breathing guide, client view</source>
        <translation>Curva da frequência cardíaca com o guia de respiração, vista do cliente</translation>
    </message>
    <message>
        <source>Breathing pacer, client view</source>
        <translation>Guia de respiração, vista do cliente</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>A session is running</source>
        <translation>Há uma sessão a decorrer</translation>
    </message>
    <message>
        <source>Your session has run for {elapsed}. Stop it and close the window?</source>
        <translation>A sua sessão já dura {elapsed}. Parar e fechar a janela?</translation>
    </message>
    <message>
        <source>Everything recorded so far is kept. With the check-in you can say how you feel now, before the window closes.</source>
        <translation>Tudo o que foi gravado até agora fica guardado. No registo pode dizer como se sente agora, antes de a janela fechar.</translation>
    </message>
    <message>
        <source>Stop, check in and close</source>
        <translation>Parar, registar e fechar</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Parar e fechar</translation>
    </message>
    <message>
        <source>Keep practising</source>
        <translation>Continuar a praticar</translation>
    </message>
</context>
<context>
    <name>Coach</name>
    <message>
        <source>Stream on Lab Streaming Layer (for a coach or a lab)</source>
        <translation>Transmitir por Lab Streaming Layer (para um treinador ou um laboratório)</translation>
    </message>
    <message>
        <source>My name on Lab Streaming Layer…</source>
        <translation>O meu nome no Lab Streaming Layer…</translation>
    </message>
    <message>
        <source>Coach view: every client on the network…</source>
        <translation>Vista do treinador: todos os clientes da rede…</translation>
    </message>
    <message>
        <source>Name on Lab Streaming Layer</source>
        <translation>Nome no Lab Streaming Layer</translation>
    </message>
    <message>
        <source>The name a coach sees on your tile:</source>
        <translation>O nome que o treinador vê no seu quadro:</translation>
    </message>
    <message>
        <source>streaming on LSL as {name}</source>
        <translation>a transmitir por LSL como {name}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>agora</translation>
    </message>
    <message>
        <source>HR bpm</source>
        <translation>FC bpm</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coerência</translation>
    </message>
    <message>
        <source>session</source>
        <translation>sessão</translation>
    </message>
    <message>
        <source>coherence {level}</source>
        <translation>coerência {level}</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>lost since {clock}</source>
        <translation>perdido desde as {clock}</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sem dados</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>sem sinal</translation>
    </message>
    <message>
        <source> · {percent} % corrected</source>
        <translation> · {percent} % corrigidos</translation>
    </message>
    <message>
        <source>signal good</source>
        <translation>bom sinal</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>à espera</translation>
    </message>
    <message>
        <source>heart rate</source>
        <translation>frequência cardíaca</translation>
    </message>
    <message>
        <source>breathing guide{rate} (up = inhale)</source>
        <translation>guia de respiração{rate} (cima = inspirar)</translation>
    </message>
    <message>
        <source>biofeedback — coach view (read-only)</source>
        <translation>biofeedback — vista do treinador (só leitura)</translation>
    </message>
    <message>
        <source>Looking for biofeedback clients on the network (Lab Streaming Layer)…</source>
        <translation>A procurar clientes do biofeedback na rede (Lab Streaming Layer)…</translation>
    </message>
    <message>
        <source>, showing {name} (click it to see them all)</source>
        <translation>, a mostrar {name} (clique para ver todos)</translation>
    </message>
    <message>
        <source>, showing {first}–{last}; scroll for the others</source>
        <translation>, a mostrar {first}–{last}; deslize para ver os outros</translation>
    </message>
    <message>
        <source>; scroll to see them</source>
        <translation>; deslize para os ver</translation>
    </message>
    <message>
        <source>; {more} more found, not shown (at most {most} clients are read at once)</source>
        <translation>; mais {more} encontrados, não mostrados (leem-se no máximo {most} clientes de cada vez)</translation>
    </message>
</context>
<context>
    <name>Coherence</name>
    <message>
        <source>waiting</source>
        <translation>à espera</translation>
    </message>
    <message>
        <source>Coherence (McCraty &amp; Childre 2010): smoothed ratio of 64 s windows; low below {low}, high from {high}. Click (or Enter) to show the numbers.</source>
        <translation>Coerência (McCraty e Childre 2010): razão suavizada de janelas de 64 s; baixa abaixo de {low}, alta a partir de {high}. Clique (ou prima Enter) para ver os números.</translation>
    </message>
    <message>
        <source>Coherence ring</source>
        <translation>Anel de coerência</translation>
    </message>
    <message>
        <source>waiting: coherence needs 64 s of beats</source>
        <translation>à espera: a coerência precisa de 64 s de batimentos</translation>
    </message>
    <message>
        <source>coherence {level}, {numbers}</source>
        <translation>coerência {level}, {numbers}</translation>
    </message>
    <message>
        <source>needs 64 s of beats</source>
        <translation>64 s de batimentos</translation>
    </message>
    <message>
        <source>coherence {level}</source>
        <translation>coerência {level}</translation>
    </message>
    <message>
        <source>ratio {ratio} · swing {swing}</source>
        <translation>razão {ratio} · oscilação {swing}</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coerência</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baixa</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>média</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
</context>
<context>
    <name>Definitions</name>
    <message>
        <source>Minutes practised: the length of each practice session (start to end) plus each resonance assessment&apos;s paced blocks and rests, summed per ISO week (Monday to Sunday, local time).</source>
        <translation>Minutos praticados: a duração de cada sessão de prática (do início ao fim) mais os blocos guiados e as pausas de cada avaliação de ressonância, somados por semana ISO (de segunda a domingo, hora local).</translation>
    </message>
    <message>
        <source>The plan&apos;s minutes for that week: sessions a day x minutes x days a week, in proportion to the days of the week inside the plan.</source>
        <translation>Os minutos do plano para essa semana: sessões por dia x minutos x dias por semana, em proporção aos dias da semana dentro do plano.</translation>
    </message>
    <message>
        <source>Minutes practised divided by the week&apos;s target (100 % = as planned).</source>
        <translation>Minutos praticados a dividir pela meta da semana (100 % = como planeado).</translation>
    </message>
    <message>
        <source>Check-in before a session, 0 (none) to 10 (worst/best imaginable), as the person answered it; the week&apos;s mean over the sessions where it was answered: the baseline trend.</source>
        <translation>Registo antes de uma sessão, de 0 (nada) a 10 (o pior/melhor imaginável), tal como a pessoa respondeu; a média da semana sobre as sessões em que foi respondido: a tendência de base.</translation>
    </message>
    <message>
        <source>After minus before within a session (negative = lower after); the week&apos;s mean over the sessions where both were answered.</source>
        <translation>Depois menos antes dentro de uma sessão (negativo = mais baixo depois); a média da semana sobre as sessões em que ambos foram respondidos.</translation>
    </message>
    <message>
        <source>Heart-rate swing: per breath, the highest minus the lowest heart rate (Lehrer et al. 2000), averaged over a session&apos;s breaths; the week&apos;s median over sessions.</source>
        <translation>Oscilação da frequência cardíaca: em cada respiração, a frequência cardíaca mais alta menos a mais baixa (Lehrer et al. 2000), em média sobre as respirações de uma sessão; a mediana da semana sobre as sessões.</translation>
    </message>
    <message>
        <source>Coherence ratio (McCraty &amp; Childre 2010): power within 0.015 Hz of the highest peak in 0.04-0.26 Hz over the rest of the power in 0.0033-0.4 Hz, mean of 64 s windows stepped every 5 s over a session; the week&apos;s median over sessions.</source>
        <translation>Razão de coerência (McCraty &amp; Childre 2010): a potência a menos de 0,015 Hz do pico mais alto em 0,04-0,26 Hz a dividir pelo resto da potência em 0,0033-0,4 Hz, média de janelas de 64 s deslocadas a cada 5 s ao longo de uma sessão; a mediana da semana sobre as sessões.</translation>
    </message>
    <message>
        <source>RMSSD: root mean square of successive differences between beats (Task Force 1996), over a whole session; the week&apos;s median over sessions.</source>
        <translation>RMSSD: raiz quadrada da média dos quadrados das diferenças sucessivas entre batimentos (Task Force 1996), sobre uma sessão inteira; a mediana da semana sobre as sessões.</translation>
    </message>
    <message>
        <source>Trend: the Theil-Sen slope (median of pairwise slopes, Sen 1968) over sessions, per week; only with {sessions} sessions over {days} days or more.</source>
        <translation>Tendência: o declive de Theil-Sen (mediana dos declives entre pares, Sen 1968) sobre as sessões, por semana; só com {sessions} sessões ao longo de {days} dias ou mais.</translation>
    </message>
    <message>
        <source>Sessions kept but not counted anywhere here: shorter than the minimum length, on the simulated sensor, replays, or without a breathing pacer (record runs).</source>
        <translation>Sessões guardadas mas que não contam em nada do que aqui aparece: mais curtas do que a duração mínima, com o sensor simulado, reproduções ou sem guia de respiração (gravações com record).</translation>
    </message>
    <message>
        <source>minimum length</source>
        <translation>duração mínima</translation>
    </message>
</context>
<context>
    <name>Disclaimer</name>
    <message>
        <source>biofeedback is a relaxation and self-observation tool, not a medical device. It does not diagnose, treat or prevent any condition; consult a health professional about your health.</source>
        <translation>O biofeedback é uma ferramenta de relaxamento e auto-observação, não um dispositivo médico. Não diagnostica, trata nem previne nenhuma doença; consulte um profissional de saúde sobre a sua saúde.</translation>
    </message>
</context>
<context>
    <name>EyesClosed</name>
    <message>
        <source>Eyes closed</source>
        <translation>Olhos fechados</translation>
    </message>
    <message>
        <source>Sound guide (eyes closed)</source>
        <translation>Guia sonoro (olhos fechados)</translation>
    </message>
    <message>
        <source>Breathing tone (pitch follows the guide)</source>
        <translation>Tom de respiração (a altura segue o guia)</translation>
    </message>
    <message>
        <source>Coherence layer (brightens with coherence)</source>
        <translation>Camada de coerência (fica mais clara com a coerência)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Dim the screen (pacer stays faintly visible)</source>
        <translation>Escurecer o ecrã (o guia fica pouco visível)</translation>
    </message>
    <message>
        <source>Sound guide on: the pitch rises as you breathe in and falls as you breathe out.</source>
        <translation>Guia sonoro ligado: o tom sobe quando inspira e desce quando expira.</translation>
    </message>
    <message>
        <source>Screen dimmed: click it or press Ctrl+D to bring it back.</source>
        <translation>Ecrã escurecido: clique nele ou prima Ctrl+D para o recuperar.</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>
&lt;p&gt;&lt;b&gt;What it is.&lt;/b&gt; A breathing trainer that shows your heart rhythm as it happens. A pacer shows
when to breathe in and out, slowly (about six breaths a minute); a sensor on your finger, ear or
chest gives your heart beats, and the screen shows how your heart rate rises and falls with each
breath. Practised regularly (most studies: about 20 minutes twice a day for some weeks), slow
breathing at your own &quot;resonance&quot; rate helps many people feel calmer and cope better with stress
and pain; the measured effects are small to moderate.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;What it is not.&lt;/b&gt; {disclaimer} It gives no diagnosis and no treatment, and does
not replace your doctor&apos;s care. If you have a heart condition, breathing difficulties or chronic
pain, ask a health professional before practising, and stop if you feel dizzy or short of breath:
breathe normally again.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;The next few pages&lt;/b&gt; (each can be skipped): connect a sensor, a first {minutes}-minute session,
the resonance assessment when you are ready, and a plan.&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;&lt;b&gt;O que é.&lt;/b&gt; Um treinador da respiração que mostra o seu ritmo cardíaco no momento. Um guia indica
quando inspirar e expirar, devagar (cerca de seis respirações por minuto); um sensor no dedo, na orelha ou no
peito dá os seus batimentos, e o ecrã mostra como a frequência cardíaca sobe e desce com cada
respiração. Com prática regular (na maioria dos estudos, cerca de 20 minutos duas vezes por dia durante algumas semanas),
respirar devagar ao seu próprio ritmo de &quot;ressonância&quot; ajuda muitas pessoas a sentirem-se mais calmas e a lidar melhor com o stress
e a dor; os efeitos medidos são pequenos a moderados.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;O que não é.&lt;/b&gt; {disclaimer} Não dá diagnósticos nem tratamentos, e não
substitui os cuidados do seu médico. Se tem um problema do coração, dificuldades respiratórias ou dor
crónica, consulte um profissional de saúde antes de praticar, e pare se sentir tonturas ou falta de ar:
volte a respirar normalmente.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;As próximas páginas&lt;/b&gt; (pode saltar qualquer uma): ligar um sensor, uma primeira sessão de {minutes} minutos,
a avaliação de ressonância quando estiver pronto, e um plano.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>biofeedback — getting started</source>
        <translation>biofeedback — primeiros passos</translation>
    </message>
    <message>
        <source>Welcome: please read</source>
        <translation>Bem-vindo: leia, por favor</translation>
    </message>
    <message>
        <source>What this tool is and is not</source>
        <translation>O que esta ferramenta é e não é</translation>
    </message>
    <message>
        <source>Connect a sensor</source>
        <translation>Ligue um sensor</translation>
    </message>
    <message>
        <source>Use the simulated sensor</source>
        <translation>Usar o sensor simulado</translation>
    </message>
    <message>
        <source>Connect the sensor chosen in the Source box</source>
        <translation>Ligar o sensor escolhido na caixa Fonte</translation>
    </message>
    <message>
        <source>Check my sensor…</source>
        <translation>Verificar o meu sensor…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Ligação</translation>
    </message>
    <message>
        <source>Choose your sensor in the &lt;b&gt;Source&lt;/b&gt; box at the top of the main window (a finger or ear sensor on a serial port, a chest strap over Bluetooth), then connect it. No sensor yet? The simulated one behaves like a person breathing, so you can try everything (its sessions are kept but not counted as practice). &lt;b&gt;Check my sensor&lt;/b&gt; shows your pulse as it arrives and says when it sits well.</source>
        <translation>Escolha o seu sensor na caixa &lt;b&gt;Fonte&lt;/b&gt;, no topo da janela principal (um sensor de dedo ou de orelha numa porta série, uma cinta de peito por Bluetooth), e depois ligue-o. Ainda não tem sensor? O simulado comporta-se como uma pessoa a respirar, por isso pode experimentar tudo (as suas sessões ficam guardadas mas não contam como prática). &lt;b&gt;Verificar o meu sensor&lt;/b&gt; mostra o seu pulso à medida que chega e diz quando está bem colocado.</translation>
    </message>
    <message>
        <source>A first session: {minutes} minutes</source>
        <translation>Uma primeira sessão: {minutes} minutos</translation>
    </message>
    <message>
        <source>Start a {minutes}-minute session</source>
        <translation>Iniciar uma sessão de {minutes} minutos</translation>
    </message>
    <message>
        <source>Sit upright and at ease, feet on the floor, shoulders loose. Breathe in through the nose while the circle grows, out while it shrinks: low into the belly, slow, never forced. A short check-in asks how you feel before and after (you may skip it). This page steps aside while the session runs and comes back when it ends.</source>
        <translation>Sente-se direito e à vontade, pés no chão, ombros soltos. Inspire pelo nariz enquanto o círculo cresce e expire enquanto encolhe: em baixo, para a barriga, devagar, nunca forçado. Um breve registo pergunta como se sente antes e depois (pode saltá-lo). Esta página afasta-se enquanto a sessão decorre e volta quando termina.</translation>
    </message>
    <message>
        <source>Your resonance rate, when you are ready</source>
        <translation>O seu ritmo de ressonância, quando estiver pronto</translation>
    </message>
    <message>
        <source>Find my resonance rate now…</source>
        <translation>Encontrar o meu ritmo de ressonância agora…</translation>
    </message>
    <message>
        <source>Each person&apos;s heart rhythm swings most at one breathing rate, usually between 4.5 and 6.5 breaths a minute. The assessment (about {minutes} minutes) paces you at five rates in turn and finds yours; its minutes count as practice. Do it once you are at ease with the pacer: today, or another day (the next step in the main window reminds you; Tools → Find my resonance rate… at any time).</source>
        <translation>O ritmo cardíaco de cada pessoa oscila mais a um determinado ritmo de respiração, normalmente entre 4,5 e 6,5 respirações por minuto. A avaliação (cerca de {minutes} minutos) guia-o por cinco ritmos, um de cada vez, e encontra o seu; os seus minutos contam como prática. Faça-a quando estiver à vontade com o guia: hoje ou noutro dia (o próximo passo na janela principal lembra-o; Ferramentas → Encontrar o meu ritmo de ressonância… a qualquer momento).</translation>
    </message>
    <message>
        <source>Choose a plan (you can change it later: Practice → Plan…)</source>
        <translation>Escolha um plano (pode mudá-lo depois: Prática → Plano…)</translation>
    </message>
    <message>
        <source>Learn → Today&apos;s lesson has a short read for each of the first two weeks; Learn → Practice reminders… can remind you at the times you pick.</source>
        <translation>Aprender → A lição de hoje tem uma leitura curta para cada dia das duas primeiras semanas; Aprender → Lembretes de prática… pode lembrá-lo às horas que escolher.</translation>
    </message>
    <message>
        <source>Read today&apos;s lesson…</source>
        <translation>Ler a lição de hoje…</translation>
    </message>
    <message>
        <source>Save my plan</source>
        <translation>Guardar o meu plano</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected.&lt;/b&gt; Beats appear in the main window; go on with Next.</source>
        <translation>&lt;b&gt;Ligado.&lt;/b&gt; Os batimentos aparecem na janela principal; continue com Próximo.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Ainda não ligado.</translation>
    </message>
    <message>
        <source>Connect a sensor first (the page before).</source>
        <translation>Ligue primeiro um sensor (a página anterior).</translation>
    </message>
    <message>
        <source>Session done. Well done: its summary is in the main window (and in History).</source>
        <translation>Sessão terminada. Muito bem: o resumo está na janela principal (e no Histórico).</translation>
    </message>
    <message>
        <source>Session stopped early: you can start another.</source>
        <translation>A sessão parou antes do fim: pode iniciar outra.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Space</source>
        <translation>Espaço</translation>
    </message>
    <message>
        <source>start or stop a session (the clock starts after the &quot;before&quot; check-in); on a button, check box or list that has the keyboard focus, Space presses or opens it instead</source>
        <translation>inicia ou para uma sessão (o relógio começa depois do registo «antes»); num botão, caixa de verificação ou lista com o foco do teclado, o Espaço carrega nele ou abre-o</translation>
    </message>
    <message>
        <source>↑ / ↓ (or → / ←)</source>
        <translation>↑ / ↓ (ou → / ←)</translation>
    </message>
    <message>
        <source>pacer rate ±{step} breaths/min (a list with the focus takes ↑ / ↓ itself)</source>
        <translation>ritmo do guia ±{step} resp/min (uma lista com o foco usa ↑ / ↓ para si própria)</translation>
    </message>
    <message>
        <source>moves the keyboard focus through the controls and the pacer (the plots are skipped; their values are read out by a screen reader)</source>
        <translation>move o foco do teclado pelos controlos e pelo guia (os gráficos são saltados; um leitor de ecrã lê os seus valores)</translation>
    </message>
    <message>
        <source>put a marker at this moment (during a session)</source>
        <translation>coloca uma marca neste momento (durante uma sessão)</translation>
    </message>
    <message>
        <source>type a note for this moment (during a session)</source>
        <translation>escreve uma nota para este momento (durante uma sessão)</translation>
    </message>
    <message>
        <source>session history and progress over weeks</source>
        <translation>histórico das sessões e progresso ao longo das semanas</translation>
    </message>
    <message>
        <source>sound guide on or off: a tone that rises as you breathe in, for eyes closed (Tools → Eyes closed)</source>
        <translation>liga ou desliga o guia sonoro: um tom que sobe ao inspirar, para praticar de olhos fechados (Ferramentas → Olhos fechados)</translation>
    </message>
    <message>
        <source>dim the screen, the pacer faintly visible (a click or Ctrl+D again lifts it)</source>
        <translation>escurece o ecrã, com o guia pouco visível (um clique ou Ctrl+D outra vez tira-o)</translation>
    </message>
    <message>
        <source>presentation: with another screen chosen (&quot;Screen 2&quot;), the client&apos;s view opens there and this window keeps every control; with one screen, this window in large type</source>
        <translation>apresentação: com outro ecrã escolhido («Ecrã 2»), a vista do cliente abre lá e esta janela mantém todos os controlos; com um só ecrã, esta janela em letra grande</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>close the client&apos;s view, or leave presentation mode (back to the window as it was)</source>
        <translation>fecha a vista do cliente ou sai do modo de apresentação (volta à janela como estava)</translation>
    </message>
    <message>
        <source>this help</source>
        <translation>esta ajuda</translation>
    </message>
    <message>
        <source>quit; during a session it asks first: stop, answer the &quot;after&quot; check-in and close, or keep practising (what is recorded is always kept)</source>
        <translation>sair; durante uma sessão pergunta primeiro: parar, responder ao registo «depois» e fechar, ou continuar a praticar (o que foi gravado fica sempre guardado)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What the numbers mean&lt;/h2&gt; &lt;p&gt;&lt;i&gt;{disclaimer}&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;O que significam os números&lt;/h2&gt; &lt;p&gt;&lt;i&gt;{disclaimer}&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Breathing pacer&lt;/h3&gt; &lt;p&gt;Breathe in while the circle grows and the wave rises; breathe out while it shrinks. Most adults see the largest heart-rate waves somewhere between 4.5 and 6.5 breaths per minute (their &quot;resonance&quot; rate). Change the rate with the arrow keys in steps of {step} ({min}–{max} breaths/min). Breathe gently: slow, not deep.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Guia de respiração&lt;/h3&gt; &lt;p&gt;Inspire enquanto o círculo cresce e a onda sobe; expire enquanto encolhe. A maioria dos adultos vê as maiores ondas da frequência cardíaca entre 4,5 e 6,5 respirações por minuto (o seu ritmo de «ressonância»). Mude o ritmo com as setas, em passos de {step} ({min}–{max} resp/min). Respire com suavidade: devagar, não fundo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Heart rate&lt;/h3&gt; &lt;p&gt;Beats per minute from the last 3 beat-to-beat intervals, so you can see it rise as you breathe in and fall as you breathe out. The tachogram plots every beat; crosses mark beats the software corrected (a likely detection error or, with an ECG, an ectopic beat of the heart).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frequência cardíaca&lt;/h3&gt; &lt;p&gt;Batimentos por minuto a partir dos últimos 3 intervalos entre batimentos, para que a veja subir ao inspirar e descer ao expirar. O tacograma desenha cada batimento; as cruzes marcam os batimentos que o programa corrigiu (um provável erro de deteção ou, com um ECG, um batimento ectópico do coração).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HR swing&lt;/h3&gt; &lt;p&gt;Highest minus lowest beat-to-beat heart rate during the last full breath of the pacer. At a comfortable slow rate many adults reach 10–20 bpm, others much less; it varies with age, fitness and the day. Larger is not a health score.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Oscilação da FC&lt;/h3&gt; &lt;p&gt;A frequência cardíaca batimento a batimento mais alta menos a mais baixa durante a última respiração completa do guia. A um ritmo lento e confortável, muitos adultos chegam a 10–20 bpm, outros a muito menos; varia com a idade, a forma física e o dia. Maior não é uma pontuação de saúde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RMSSD&lt;/h3&gt; &lt;p&gt;Root mean square of successive differences between beat intervals (Task Force 1996), over the last {rmssd_s} s. It mostly reflects fast, breath-by-breath changes. Typical resting adult values span roughly 15–80 ms and fall with age; compare only with yourself, same posture, same time of day.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RMSSD&lt;/h3&gt; &lt;p&gt;Raiz quadrática média das diferenças sucessivas entre intervalos de batimentos (Task Force 1996), nos últimos {rmssd_s} s. Reflete sobretudo as mudanças rápidas, de respiração para respiração. Os valores típicos de um adulto em repouso vão aproximadamente de 15 a 80 ms e descem com a idade; compare-se apenas consigo, na mesma postura e à mesma hora do dia.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence&lt;/h3&gt; &lt;p&gt;HeartMath&apos;s ratio (McCraty &amp;amp; Childre 2010) over the last {window_s} s: the power of the highest peak between 0.04 and 0.26 Hz divided by the rest of the spectrum. A smooth, regular, wave-like heart rhythm gives a high ratio. This app shows the raw ratio, not HeartMath&apos;s proprietary 0–16 score; values above about 1 mean one rhythm dominates.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coerência&lt;/h3&gt; &lt;p&gt;A razão da HeartMath (McCraty e Childre 2010) nos últimos {window_s} s: a potência do pico mais alto entre 0,04 e 0,26 Hz dividida pelo resto do espectro. Um ritmo cardíaco suave, regular e ondulado dá uma razão alta. Esta aplicação mostra a razão em bruto, não a pontuação proprietária 0–16 da HeartMath; valores acima de cerca de 1 indicam que um ritmo domina.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Spectrum&lt;/h3&gt; &lt;p&gt;How much of the heart-rate variation happens at each speed, over the last {spectrum_s} s. Shaded bands: VLF (below 0.04 Hz), LF (0.04–0.15 Hz), HF (0.15–0.4 Hz). The dashed line is the pacer&apos;s rate; slow breathing at 6 per minute puts a peak at 0.1 Hz, inside LF: expected during paced breathing, not a sign of anything.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Espectro&lt;/h3&gt; &lt;p&gt;Quanto da variação da frequência cardíaca acontece a cada velocidade, nos últimos {spectrum_s} s. Bandas sombreadas: VLF (abaixo de 0,04 Hz), LF (0,04–0,15 Hz), HF (0,15–0,4 Hz). A linha tracejada é o ritmo do guia; respirar devagar a 6 por minuto põe um pico em 0,1 Hz, dentro de LF: é o esperado ao respirar com guia, não é sinal de nada.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signal quality&lt;/h3&gt; &lt;p&gt;&quot;Finger off&quot;, &quot;no signal&quot; and &quot;saturated&quot; mean the sensor cannot see a clean pulse; numbers stop instead of guessing. If more than {artifact_pct} % of beats needed correction, the numbers are unreliable: sit still, warm your hands, and check the clip.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qualidade do sinal&lt;/h3&gt; &lt;p&gt;«O dedo não está no sensor», «sem sinal» e «sinal saturado» significam que o sensor não vê um pulso limpo; os números param em vez de adivinhar. Se mais de {artifact_pct} % dos batimentos precisaram de correção, os números não são fiáveis: fique quieto, aqueça as mãos e verifique a pinça.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pulse direction&lt;/h3&gt; &lt;p&gt;A finger sensor&apos;s value rises when blood arrives; in some (a MAX3010x&apos;s raw readings) it falls. The app reads which way from the pulse&apos;s shape: a quick rise and a slow fall. When the shape does not show it clearly, the status line says &quot;pulse direction unclear&quot;, and the beats may sit on the wrong part of each pulse until a few clear pulses settle it: sit still and check the sensor. A device that declares its direction is never in doubt. If you know which way your sensor&apos;s wave goes, choose it in Tools → Pulse direction: it holds from then on, over anything the sensor says.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Direção do pulso&lt;/h3&gt; &lt;p&gt;O valor de um sensor de dedo sobe quando o sangue chega; em alguns (as leituras em bruto de um MAX3010x) desce. A aplicação deduz o sentido pela forma do pulso: uma subida rápida e uma descida lenta. Quando a forma não o mostra com clareza, a linha de estado diz «direção do pulso incerta» e os batimentos podem ficar na parte errada de cada pulso até que alguns pulsos claros o resolvam: fique quieto e verifique o sensor. Um dispositivo que declara o seu sentido nunca deixa dúvidas. Se sabe para que lado vai a onda do seu sensor, escolha-o em Ferramentas → Direção do pulso: mantém-se a partir daí, acima do que o sensor disser.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence ring&lt;/h3&gt; &lt;p&gt;The coherence number, the ring beside the trends and the level in presentation mode all show one value: the coherence ratio of {window_s} s windows, smoothed over the last {updates} updates (about {smooth_s} s) so it guides rather than jumps. Its level is &lt;b&gt;low&lt;/b&gt; below {low}, &lt;b&gt;medium&lt;/b&gt; from {low} and &lt;b&gt;high&lt;/b&gt; from {high}. So that it does not flicker at a threshold, the level rises only once the value is {hysteresis_pct} % past it, falls only once the value is {hysteresis_pct} % below it, and holds at least {dwell_s} s; the caption under the number says where the current level holds. The ring&apos;s three arcs are the levels; the current one is drawn bold, its name is written inside, and the inner circle grows with the value. It needs {window_s} s of beats before it shows anything, and then changes every {step_s} s, so give it time rather than chasing it. Click the ring (or Enter on it) to show the numbers (the value and the last breath&apos;s HR swing). The thresholds are this app&apos;s choice on the raw ratio, not HeartMath&apos;s score; the coherence trend plots each window&apos;s exact ratio.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Anel de coerência&lt;/h3&gt; &lt;p&gt;O número de coerência, o anel ao lado das tendências e o nível no modo de apresentação mostram um mesmo valor: a razão de coerência de janelas de {window_s} s, suavizada sobre as últimas {updates} atualizações (cerca de {smooth_s} s) para que oriente em vez de saltar. O nível é &lt;b&gt;baixo&lt;/b&gt; abaixo de {low}, &lt;b&gt;médio&lt;/b&gt; a partir de {low} e &lt;b&gt;alto&lt;/b&gt; a partir de {high}. Para não piscar num limiar, o nível só sobe quando o valor o ultrapassa em {hysteresis_pct} %, só desce quando fica {hysteresis_pct} % abaixo dele, e mantém-se pelo menos {dwell_s} s; a legenda sob o número diz até onde o nível atual se mantém. Os três arcos do anel são os níveis; o atual é desenhado a negrito, o seu nome está escrito dentro e o círculo interior cresce com o valor. Precisa de {window_s} s de batimentos antes de mostrar algo e depois muda a cada {step_s} s: dê-lhe tempo em vez de o perseguir. Clique no anel (ou prima Enter sobre ele) para ver os números (o valor e a oscilação da FC da última respiração). Os limiares são uma escolha desta aplicação sobre a razão em bruto, não a pontuação da HeartMath; a tendência da coerência desenha a razão exata de cada janela.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;When data stop&lt;/h3&gt; &lt;p&gt;When no beat has arrived for {stale_s} s (a finger lifted, a cable pulled), after Disconnect, or when a replay ends, every number shows &quot;–&quot;, the ring and the presentation level say &quot;waiting&quot;, and the heart-rate curve says &quot;waiting for beats&quot;. The curve is never drawn across missing data: it breaks where beats were lost.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quando os dados param&lt;/h3&gt; &lt;p&gt;Quando não chega nenhum batimento durante {stale_s} s (um dedo levantado, um cabo desligado), depois de Desligar, ou quando uma reprodução termina, cada número mostra «–», o anel e o nível de apresentação dizem «à espera», e a curva da frequência cardíaca diz que espera batimentos. A curva nunca é desenhada sobre dados em falta: interrompe-se onde se perderam batimentos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your plan and today&apos;s dose&lt;/h3&gt; &lt;p&gt;Practice → Plan… chooses how long and how often to practise (Lehrer: the resonance assessment, then 2 × 20 min a day for 10 weeks; short daily: 3 × 5 min; or your own). The line above the not-a-medical-device notice shows today&apos;s minutes and sessions against it and the next step. Only practice counts: sessions on a sensor, with the pacer, at least the minimum length; assessments count as minutes. Sessions on the simulated sensor, replays and short ones are kept but not counted. Practice → Weekly review… shows your weeks against the plan, how pain, stress and mood before sessions changed, and your resonance rate; a new assessment is offered after some weeks, never forced. Practice → Getting started… shows the first steps again.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;O seu plano e a dose de hoje&lt;/h3&gt; &lt;p&gt;Prática → Plano… escolhe quanto tempo e com que frequência praticar (Lehrer: a avaliação de ressonância e depois 2 × 20 min por dia durante 10 semanas; curto diário: 3 × 5 min; ou o seu próprio). A linha acima do aviso de que não é um dispositivo médico mostra os minutos e sessões de hoje face ao plano e o próximo passo. Só conta a prática: sessões com um sensor, com o guia e com pelo menos a duração mínima; as avaliações contam como minutos. As sessões com o sensor simulado, as reproduções e as curtas ficam guardadas mas não contam. Prática → Revisão semanal… mostra as suas semanas face ao plano, como a dor, a tensão e o humor antes das sessões mudaram, e o seu ritmo de ressonância; ao fim de algumas semanas é proposta uma nova avaliação, nunca imposta. Prática → Primeiros passos… volta a mostrar os primeiros passos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keys&lt;/h3&gt; {keys}</source>
        <translation>&lt;h3&gt;Teclas&lt;/h3&gt; {keys}</translation>
    </message>
    <message>
        <source>biofeedback: help</source>
        <translation>biofeedback: ajuda</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>id</source>
        <translation>n.º</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duração</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fonte</translation>
    </message>
    <message>
        <source>pacer</source>
        <translation>guia</translation>
    </message>
    <message>
        <source>mean HR</source>
        <translation>FC média</translation>
    </message>
    <message>
        <source>RMSSD</source>
        <translation>RMSSD</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coerência</translation>
    </message>
    <message>
        <source>artifacts</source>
        <translation>artefactos</translation>
    </message>
    <message>
        <source>check-in before → after</source>
        <translation>registo antes → depois</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>conta</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Mudar o nome…</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notas…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Apagar…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportar relatório…</translation>
    </message>
    <message>
        <source>Progress report…</source>
        <translation>Relatório de progresso…</translation>
    </message>
    <message>
        <source>The weeks of practice as a PDF for a clinician or coach: plan, adherence, check-ins, heart rhythm, how each number is defined</source>
        <translation>As semanas de prática num PDF para um profissional ou treinador: plano, adesão, registos, ritmo cardíaco e como cada número é definido</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>Play the session through the live view again</source>
        <translation>Volta a reproduzir a sessão na vista em direto</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Mudar o nome da sessão</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Notas da sessão</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Apagar a sessão</translation>
    </message>
    <message>
        <source>Delete the session of {date} ({name}) with all its beats and raw data? This cannot be undone.</source>
        <translation>Apagar a sessão de {date} ({name}) com todos os batimentos e dados em bruto? Não pode ser desfeito.</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>sem nome</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Exportar a sessão</translation>
    </message>
    <message>
        <source>exporting to {file}…</source>
        <translation>a exportar para {file}…</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>Relatório de progresso</translation>
    </message>
    <message>
        <source>writing the progress report to {file}…</source>
        <translation>a escrever o relatório de progresso em {file}…</translation>
    </message>
    <message>
        <source>written: {file}</source>
        <translation>escrito: {file}</translation>
    </message>
    <message>
        <source>export failed</source>
        <translation>a exportação falhou</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <source>no: short</source>
        <translation>não: curta</translation>
    </message>
    <message>
        <source>no: simulated</source>
        <translation>não: simulada</translation>
    </message>
    <message>
        <source>no: replay</source>
        <translation>não: reprodução</translation>
    </message>
    <message>
        <source>no: no pacer</source>
        <translation>não: sem guia</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>(em curso)</translation>
    </message>
    <message>
        <source>(interrupted)</source>
        <translation>(interrompida)</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>tensão</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>dor</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>humor</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>O idioma do sistema</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>o idioma do sistema</translation>
    </message>
    <message>
        <source>The window will be in {language} from the next start.</source>
        <translation>A janela estará em {language} a partir do próximo arranque.</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <source>Lessons — breathing, heart rhythm and pain, in plain words</source>
        <translation>Lições: respiração, ritmo cardíaco e dor, em palavras simples</translation>
    </message>
    <message>
        <source>Lessons by day</source>
        <translation>Lições por dia</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>Texto da lição</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Anterior</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Seguinte →</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fontes</translation>
    </message>
    <message>
        <source>Lesson {day} of {days} (today&apos;s lesson): a few minutes to read. Each lesson names its sources at the end.</source>
        <translation>Lição {day} de {days} (a lição de hoje): alguns minutos de leitura. Cada lição indica as suas fontes no fim.</translation>
    </message>
    <message>
        <source>Lesson {day} of {days}: a few minutes to read. Each lesson names its sources at the end.</source>
        <translation>Lição {day} de {days}: alguns minutos de leitura. Cada lição indica as suas fontes no fim.</translation>
    </message>
    <message>
        <source>  · today</source>
        <translation>  · hoje</translation>
    </message>
    <message>
        <source>Day {day}: {title}</source>
        <translation>Dia {day}: {title}</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Aprender</translation>
    </message>
    <message>
        <source>Today&apos;s lesson</source>
        <translation>A lição de hoje</translation>
    </message>
    <message>
        <source>All lessons…</source>
        <translation>Todas as lições…</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (day {day} of {days}, new)</source>
        <translation>A lição de hoje (dia {day} de {days}, nova)</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (day {day} of {days})</source>
        <translation>A lição de hoje (dia {day} de {days})</translation>
    </message>
    <message>
        <source>Today&apos;s lesson (the two weeks are over: all stay under All lessons)</source>
        <translation>A lição de hoje (as duas semanas terminaram: todas continuam em Todas as lições)</translation>
    </message>
    <message>
        <source>The lessons could not be read: {error}</source>
        <translation>Não foi possível ler as lições: {error}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Light / dark theme</source>
        <translation>Tema claro / escuro</translation>
    </message>
    <message>
        <source>Presentation mode (Esc leaves it)	F11</source>
        <translation>Modo de apresentação (Esc para sair)	F11</translation>
    </message>
    <message>
        <source>Help: numbers, ring and keys	F1</source>
        <translation>Ajuda: números, anel e teclas	F1</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>Choose a plan: a daily dose gives the practice a shape.</source>
        <translation>Escolha um plano: uma dose diária dá forma à prática.</translation>
    </message>
    <message>
        <source>Your plan starts on {date}.</source>
        <translation>O seu plano começa a {date}.</translation>
    </message>
    <message>
        <source>Your plan is complete: review your weeks, then choose what comes next.</source>
        <translation>O seu plano está completo: reveja as suas semanas e depois escolha o que se segue.</translation>
    </message>
    <message>
        <source>First, the resonance assessment (about 10 min) finds the breathing rate to practise at.</source>
        <translation>Primeiro, a avaliação de ressonância (cerca de 10 min) encontra o ritmo de respiração a que praticar.</translation>
    </message>
    <message>
        <source>A new week of your plan: look at the weekly review.</source>
        <translation>Uma nova semana do seu plano: veja a revisão semanal.</translation>
    </message>
    <message>
        <source>Session {n} of {target} today: {minutes} min ({left} min left today).</source>
        <translation>Sessão {n} de {target} hoje: {minutes} min (faltam {left} min hoje).</translation>
    </message>
    <message>
        <source>Today&apos;s practice is done. A new resonance assessment is offered: your last was {weeks} weeks ago.</source>
        <translation>A prática de hoje está feita. É proposta uma nova avaliação de ressonância: a última foi há {weeks} semanas.</translation>
    </message>
    <message>
        <source>Today&apos;s practice is done.</source>
        <translation>A prática de hoje está feita.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Session not fully saved: {error}</source>
        <translation>A sessão não ficou guardada por completo: {error}</translation>
    </message>
    <message>
        <source>The session could not start: {error}</source>
        <translation>Não foi possível iniciar a sessão: {error}</translation>
    </message>
    <message>
        <source>Sessions are not being saved: {error}</source>
        <translation>As sessões não estão a ser guardadas: {error}</translation>
    </message>
    <message>
        <source>The export to {path} failed: {error}</source>
        <translation>A exportação para {path} falhou: {error}</translation>
    </message>
    <message>
        <source>This session is not being saved: {error}</source>
        <translation>Esta sessão não está a ser guardada: {error}</translation>
    </message>
    <message>
        <source>The session store {path} is busy: another program has kept it locked; nothing was lost, try again in a moment.</source>
        <translation>O arquivo de sessões {path} está ocupado: outro programa mantém-no bloqueado; nada se perdeu, tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>The disk holding the session store {path} is full; free some space and try again.</source>
        <translation>O disco onde está o arquivo de sessões {path} está cheio; liberte algum espaço e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} is read-only, so nothing can be saved to it.</source>
        <translation>O arquivo de sessões {path} é só de leitura, por isso nada pode ser guardado nele.</translation>
    </message>
    <message>
        <source>The session store {path} is damaged ({error}).</source>
        <translation>O arquivo de sessões {path} está danificado ({error}).</translation>
    </message>
    <message>
        <source>The session store {path} could not be read or written (a disk error).</source>
        <translation>Não foi possível ler nem escrever o arquivo de sessões {path} (um erro de disco).</translation>
    </message>
    <message>
        <source>The session store {path} cannot be opened; check that its folder exists and is readable.</source>
        <translation>Não é possível abrir o arquivo de sessões {path}; verifique se a pasta existe e pode ser lida.</translation>
    </message>
    <message>
        <source>The session store {path} is damaged, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>O arquivo de sessões {path} está danificado, mas outro programa está a usá-lo, por isso ficou onde estava; feche as outras janelas e gravações do biofeedback e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} is not a biofeedback store, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>O arquivo de sessões {path} não é um arquivo do biofeedback, mas outro programa está a usá-lo, por isso ficou onde estava; feche as outras janelas e gravações do biofeedback e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} was damaged; it was kept as {name} and a fresh store was started.</source>
        <translation>O arquivo de sessões {path} estava danificado; ficou guardado como {name} e foi iniciado um novo.</translation>
    </message>
    <message>
        <source>The session store {path} was not a biofeedback store; it was kept as {name} and a fresh store was started.</source>
        <translation>O arquivo de sessões {path} não era um arquivo do biofeedback; ficou guardado como {name} e foi iniciado um novo.</translation>
    </message>
    <message>
        <source>The session store folder {folder} cannot be created ({error}); set BIOFEEDBACK_DATA_DIR to a writable folder.</source>
        <translation>Não é possível criar a pasta do arquivo de sessões {folder} ({error}); defina BIOFEEDBACK_DATA_DIR como uma pasta onde se possa escrever.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only and holds no sessions yet; set BIOFEEDBACK_DATA_DIR to a writable folder to save sessions.</source>
        <translation>A pasta do arquivo de sessões {folder} é só de leitura e ainda não tem sessões; defina BIOFEEDBACK_DATA_DIR como uma pasta onde se possa escrever para guardar sessões.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only: your history can be read, but new sessions cannot be saved there.</source>
        <translation>A pasta do arquivo de sessões {folder} é só de leitura: o seu histórico pode ser lido, mas não se podem guardar sessões novas nela.</translation>
    </message>
    <message>
        <source>Cannot save to the session store {path}: its folder is read-only; set BIOFEEDBACK_DATA_DIR to a writable folder.</source>
        <translation>Não é possível guardar no arquivo de sessões {path}: a sua pasta é só de leitura; defina BIOFEEDBACK_DATA_DIR como uma pasta onde se possa escrever.</translation>
    </message>
    <message>
        <source>The session store {path} was written by a newer version of biofeedback (schema {version}; this version reads up to {supported}). Nothing was changed: update biofeedback, or set BIOFEEDBACK_DATA_DIR to use another folder.</source>
        <translation>O arquivo de sessões {path} foi escrito por uma versão mais recente do biofeedback (esquema {version}; esta versão lê até ao {supported}). Nada foi alterado: atualize o biofeedback ou defina BIOFEEDBACK_DATA_DIR para usar outra pasta.</translation>
    </message>
    <message>
        <source>The session store {path} failed: {error}.</source>
        <translation>O arquivo de sessões {path} falhou: {error}.</translation>
    </message>
    <message>
        <source>not saving: {reason}</source>
        <translation>sem guardar ({reason})</translation>
    </message>
    <message>
        <source>the store is locked by another program</source>
        <translation>o arquivo está bloqueado por outro programa</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>disco cheio</translation>
    </message>
    <message>
        <source>the store is read-only</source>
        <translation>o arquivo é só de leitura</translation>
    </message>
    <message>
        <source>the store is damaged</source>
        <translation>o arquivo está danificado</translation>
    </message>
    <message>
        <source>disk error</source>
        <translation>erro de disco</translation>
    </message>
    <message>
        <source>the store cannot be opened</source>
        <translation>o arquivo não pode ser aberto</translation>
    </message>
    <message>
        <source>Some settings could not be used and are back to their defaults: {problems}. The others are kept. {kept}</source>
        <translation>Algumas definições não puderam ser usadas e voltaram aos valores predefinidos: {problems}. As outras mantêm-se. {kept}</translation>
    </message>
    <message>
        <source>The file as it was is kept as {name}.</source>
        <translation>O ficheiro tal como estava fica guardado como {name}.</translation>
    </message>
    <message>
        <source>The file could not be kept aside ({error}); it is written over when the app closes.</source>
        <translation>Não foi possível pôr o ficheiro de parte ({error}); é substituído quando a aplicação fechar.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({error}). Default settings are in use. {where}</source>
        <translation>Não foi possível ler o seu ficheiro de definições ({error}). Estão em uso as definições predefinidas. {where}</translation>
    </message>
    <message>
        <source>The unreadable file was kept as {name}.</source>
        <translation>O ficheiro ilegível ficou guardado como {name}.</translation>
    </message>
    <message>
        <source>The unreadable file could not be moved aside ({error}).</source>
        <translation>Não foi possível pôr de parte o ficheiro ilegível ({error}).</translation>
    </message>
    <message>
        <source>{name} {value} (true or false expected)</source>
        <translation>{name} {value} (esperava-se true ou false)</translation>
    </message>
    <message>
        <source>{name} {value} (a number expected)</source>
        <translation>{name} {value} (esperava-se um número)</translation>
    </message>
    <message>
        <source>{name} {value} (text expected)</source>
        <translation>{name} {value} (esperava-se texto)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed a finite number)</source>
        <translation>{name} {value} (permitido: um número finito)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed a date such as 2026-12-07, or empty)</source>
        <translation>{name} {value} (permitido: uma data como 2026-12-07, ou vazio)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed lesson days separated by commas, such as 1,2,3)</source>
        <translation>{name} {value} (permitido: dias de lição separados por vírgulas, como 1,2,3)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed times of day as HH:MM separated by commas, at most {most})</source>
        <translation>{name} {value} (permitido: horas do dia como HH:MM separadas por vírgulas, no máximo {most})</translation>
    </message>
    <message>
        <source>{name} {value} (allowed {low} to {high})</source>
        <translation>{name} {value} (permitido: de {low} a {high})</translation>
    </message>
    <message>
        <source>{name} {value} (allowed {choices})</source>
        <translation>{name} {value} (permitido: {choices})</translation>
    </message>
    <message>
        <source>(a number of {digits} digits)</source>
        <translation>(um número de {digits} algarismos)</translation>
    </message>
    <message>
        <source>{part} is not a time of day: write it as HH:MM, such as 08:00 or 18:30.</source>
        <translation>{part} não é uma hora do dia: escreva-a como HH:MM, por exemplo 08:00 ou 18:30.</translation>
    </message>
    <message>
        <source>{count} reminder times: at most {most} a day.</source>
        <translation>{count} horas de lembrete: no máximo {most} por dia.</translation>
    </message>
    <message>
        <source>; install libpulse0 (PulseAudio client library)</source>
        <translation>; instale libpulse0 (a biblioteca cliente do PulseAudio)</translation>
    </message>
    <message>
        <source>; no sound server answered: start PulseAudio or PipeWire&apos;s pulse service (pipewire-pulse)</source>
        <translation>; nenhum servidor de som respondeu: inicie o PulseAudio ou o serviço pulse do PipeWire (pipewire-pulse)</translation>
    </message>
    <message>
        <source>Serial ports unavailable: {error}</source>
        <translation>Portas série indisponíveis: {error}</translation>
    </message>
    <message>
        <source>Could not list serial ports: {error}</source>
        <translation>Não foi possível listar as portas série: {error}</translation>
    </message>
    <message>
        <source>No strap found in {seconds} s: put it on (wet electrodes wake it up) and try again.</source>
        <translation>Nenhuma cinta encontrada em {seconds} s: coloque-a (os elétrodos húmidos acordam-na) e tente de novo.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: CH340/CH341 (WCH&apos;s CH341SER), CP210x (Silicon Labs&apos; CP210x VCP driver) or PL2303 (Prolific&apos;s PL2303 driver); FTDI and Arduino boards get theirs from Windows Update or the Arduino IDE. Device Manager shows such a sensor under &apos;Other devices&apos; with a warning sign.</source>
        <translation>Se o sensor está ligado e não aparece nenhuma porta, a sua ponte USB-série pode precisar de um controlador: CH340/CH341 (CH341SER da WCH), CP210x (o controlador CP210x VCP da Silicon Labs) ou PL2303 (o controlador PL2303 da Prolific); as placas FTDI e Arduino obtêm o seu do Windows Update ou do IDE do Arduino. O Gestor de dispositivos mostra esse sensor em «Outros dispositivos» com um sinal de aviso.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: a PL2303 needs Prolific&apos;s PL2303 driver; on macOS before 11 a CH340/CH341 needs WCH&apos;s CH34x driver and a CP210x Silicon Labs&apos; VCP driver. System Information &gt; USB lists the sensor even without one.</source>
        <translation>Se o sensor está ligado e não aparece nenhuma porta, a sua ponte USB-série pode precisar de um controlador: um PL2303 precisa do controlador PL2303 da Prolific; no macOS anterior ao 11, um CH340/CH341 precisa do controlador CH34x da WCH e um CP210x do controlador VCP da Silicon Labs. Informações do sistema &gt; USB mostra o sensor mesmo sem ele.</translation>
    </message>
    <message>
        <source>No permission to open {port}. Close other programs using it, or check the port&apos;s permissions.</source>
        <translation>Sem permissão para abrir {port}. Feche outros programas que a estejam a usar ou verifique as permissões da porta.</translation>
    </message>
    <message>
        <source>No permission to open {port} yet: you are in the &apos;{group}&apos; group, but this login started before you were added. Log out and back in (or restart), then try again.</source>
        <translation>Ainda sem permissão para abrir {port}: está no grupo &apos;{group}&apos;, mas esta sessão começou antes de ter sido adicionado. Termine a sessão e volte a entrar (ou reinicie) e tente de novo.</translation>
    </message>
    <message>
        <source>No permission to open {port}: it belongs to the &apos;{group}&apos; group and you are not in it. Add yourself once with
  sudo usermod -aG {group} $USER
then log out and back in (the group counts from a new login). Or let the logged-in user open sensor ports without it: `biofeedback install-udev` prints the one command.</source>
        <translation>Sem permissão para abrir {port}: pertence ao grupo &apos;{group}&apos; e não está nele. Adicione-se uma vez com
  sudo usermod -aG {group} $USER
e depois termine a sessão e volte a entrar (o grupo conta a partir de uma nova sessão). Ou deixe o utilizador com sessão iniciada abrir as portas de sensores sem ele: `biofeedback install-udev` mostra o único comando necessário.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: ModemManager (pid {pid}) is probing it as if it were a modem, which it does for about 10 s after a board is plugged in. Wait and try again; to stop it for good, install our udev rules (`biofeedback install-udev` prints the command) or, with no modem on this computer, `sudo systemctl disable --now ModemManager`.</source>
        <translation>{port} está a ser usada por outro programa: o ModemManager (pid {pid}) está a sondá-la como se fosse um modem, o que faz durante cerca de 10 s depois de uma placa ser ligada. Espere e tente de novo; para o impedir de vez, instale as nossas regras udev (`biofeedback install-udev` mostra o comando) ou, sem modem neste computador, `sudo systemctl disable --now ModemManager`.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: {names}. Close it (e.g. the Arduino serial monitor) and retry.</source>
        <translation>{port} está a ser usada por outro programa: {names}. Feche-o (p. ex. o monitor série do Arduino) e tente de novo.</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry. If you just plugged the sensor in, ModemManager may be probing it for about 10 s: wait and retry, or install our udev rules so it leaves sensors alone (`biofeedback install-udev`).</source>
        <translation>{port} está a ser usada por outro programa. Feche-o (p. ex. o monitor série do Arduino, outra janela do biofeedback) e tente de novo. Se acabou de ligar o sensor, o ModemManager pode estar a sondá-lo durante cerca de 10 s: espere e tente de novo, ou instale as nossas regras udev para que deixe os sensores em paz (`biofeedback install-udev`).</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry.</source>
        <translation>{port} está a ser usada por outro programa. Feche-o (p. ex. o monitor série do Arduino, outra janela do biofeedback) e tente de novo.</translation>
    </message>
    <message>
        <source>There is no serial port called {port}. Check the name with `biofeedback ports`.</source>
        <translation>Não há nenhuma porta série chamada {port}. Confirme o nome com `biofeedback ports`.</translation>
    </message>
    <message>
        <source>Nothing is listening at {port}.</source>
        <translation>Nada está à escuta em {port}.</translation>
    </message>
    <message>
        <source>Cannot open {port}: {error}</source>
        <translation>Não é possível abrir {port}: {error}</translation>
    </message>
    <message>
        <source>Opening {port}…</source>
        <translation>A abrir {port}…</translation>
    </message>
    <message>
        <source>Lost {port}: is the cable plugged in? Retrying…</source>
        <translation>Ligação a {port} perdida: o cabo está ligado? A tentar de novo…</translation>
    </message>
    <message>
        <source>Trying {port} again…</source>
        <translation>A tentar {port} de novo…</translation>
    </message>
    <message>
        <source>Could not recognise the device on {port}. Tried {tried} (listened {total_s} s in all). Received {what}. Check the baud rate and the sketch, or pick the protocol by hand.</source>
        <translation>Não foi possível reconhecer o dispositivo em {port}. Tentou-se {tried} (escuta de {total_s} s no total). Recebido: {what}. Verifique a velocidade em baud e o sketch, ou escolha o protocolo manualmente.</translation>
    </message>
    <message>
        <source>nothing at all</source>
        <translation>absolutamente nada</translation>
    </message>
    <message>
        <source>A different device ({other}) answered on {port}, not {device}; its data is not used. Waiting for {device}…</source>
        <translation>Um dispositivo diferente ({other}) respondeu em {port}, não {device}; os seus dados não são usados. À espera de {device}…</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in the desktop&apos;s Bluetooth settings or with `bluetoothctl power on`.</source>
        <translation>O Bluetooth está desligado. Ligue-o nas definições de Bluetooth do ambiente de trabalho ou com `bluetoothctl power on`.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in System Settings &gt; Bluetooth.</source>
        <translation>O Bluetooth está desligado. Ligue-o em Definições do Sistema &gt; Bluetooth.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in Settings &gt; Bluetooth &amp; devices.</source>
        <translation>O Bluetooth está desligado. Ligue-o em Definições &gt; Bluetooth e dispositivos.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter is available: plug one in, or start the Bluetooth service (BlueZ) with `sudo systemctl start bluetooth`.</source>
        <translation>Não há nenhum adaptador Bluetooth disponível: ligue um, ou inicie o serviço Bluetooth (BlueZ) com `sudo systemctl start bluetooth`.</translation>
    </message>
    <message>
        <source>This Mac reports no Bluetooth hardware.</source>
        <translation>Este Mac não indica nenhum hardware Bluetooth.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found. Check Settings &gt; Bluetooth &amp; devices, or the adapter&apos;s driver in Device Manager.</source>
        <translation>Não foi encontrado nenhum adaptador Bluetooth. Verifique Definições &gt; Bluetooth e dispositivos, ou o controlador do adaptador no Gestor de dispositivos.</translation>
    </message>
    <message>
        <source>Permission to use Bluetooth was denied: add your user to the &apos;bluetooth&apos; group (then log in again), or ask the administrator to allow BlueZ for it.</source>
        <translation>A permissão para usar o Bluetooth foi recusada: adicione o seu utilizador ao grupo &apos;bluetooth&apos; (e volte a iniciar sessão), ou peça ao administrador que lhe permita usar o BlueZ.</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: allow it (or the terminal it runs in) in System Settings &gt; Privacy &amp; Security &gt; Bluetooth, then try again.</source>
        <translation>Esta aplicação não tem permissão para usar o Bluetooth: permita-o (a ela ou ao terminal em que corre) em Definições do Sistema &gt; Privacidade e segurança &gt; Bluetooth e tente de novo.</translation>
    </message>
    <message>
        <source>Windows denied Bluetooth to this app: allow apps to use Bluetooth in Settings &gt; Privacy &amp; security, then try again.</source>
        <translation>O Windows recusou o Bluetooth a esta aplicação: permita que as aplicações usem o Bluetooth em Definições &gt; Privacidade e segurança e tente de novo.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>no value</source>
        <translation>sem valor</translation>
    </message>
    <message>
        <source>smoothed ratio, {seconds} s windows</source>
        <translation>razão suavizada, janelas de {seconds} s</translation>
    </message>
    <message>
        <source>smoothed; low until {value}</source>
        <translation>suavizada; baixa até {value}</translation>
    </message>
    <message>
        <source>smoothed; medium from {low} to {high}</source>
        <translation>suavizada; média de {low} a {high}</translation>
    </message>
    <message>
        <source>smoothed; high down to {value}</source>
        <translation>suavizada; alta até descer a {value}</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frequência cardíaca</translation>
    </message>
    <message>
        <source>bpm, last 3 beats</source>
        <translation>bpm, últimos 3 batimentos</translation>
    </message>
    <message>
        <source>ms, last {seconds} s</source>
        <translation>ms, últimos {seconds} s</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coerência</translation>
    </message>
    <message>
        <source>HR swing</source>
        <translation>Oscilação da FC</translation>
    </message>
    <message>
        <source>bpm, max − min over last breath</source>
        <translation>bpm, máx − mín na última respiração</translation>
    </message>
    <message>
        <source>Coherence: {level}</source>
        <translation>Coerência: {level}</translation>
    </message>
</context>
<context>
    <name>Pacer</name>
    <message>
        <source>inhale</source>
        <translation>inspire</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>pausa</translation>
    </message>
    <message>
        <source>exhale</source>
        <translation>expire</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>you: {you}</source>
        <translation>você: {you}</translation>
    </message>
    <message>
        <source>you: {you} · guide: {guide} /min</source>
        <translation>você: {you} · guia: {guide} /min</translation>
    </message>
</context>
<context>
    <name>PacerTrace</name>
    <message>
        <source>holds</source>
        <translation>pausas</translation>
    </message>
    <message>
        <source>pacer {rates}</source>
        <translation>guia {rates}</translation>
    </message>
    <message>
        <source>(phase reconstructed)</source>
        <translation>(fase reconstruída)</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Lehrer</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>Short daily</source>
        <translation>Curto diário</translation>
    </message>
    <message>
        <source>Your own</source>
        <translation>O seu</translation>
    </message>
    <message>
        <source>No plan chosen</source>
        <translation>Nenhum plano escolhido</translation>
    </message>
    <message>
        <source>resonance assessment, then</source>
        <translation>avaliação de ressonância e depois</translation>
    </message>
    <message>
        <source>{sessions} × {minutes} min a day</source>
        <translation>{sessions} × {minutes} min por dia</translation>
    </message>
    <message>
        <source>{days} days a week</source>
        <translation>{days} dias por semana</translation>
    </message>
    <message>
        <source>weekly review</source>
        <translation>revisão semanal</translation>
    </message>
    <message>
        <source>{weeks} weeks</source>
        <translation>{weeks} semanas</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sem fim marcado</translation>
    </message>
    <message>
        <source>{name}: {plan}</source>
        <translation>{name}: {plan}</translation>
    </message>
    <message>
        <source>(from {date})</source>
        <translation>(desde {date})</translation>
    </message>
    <message>
        <source>Today: reading your sessions…</source>
        <translation>Hoje: a ler as suas sessões…</translation>
    </message>
    <message>
        <source>Today {minutes} min practised · no plan chosen</source>
        <translation>Hoje {minutes} min de prática · nenhum plano escolhido</translation>
    </message>
    <message>
        <source>Today {minutes} min practised · outside your plan&apos;s weeks</source>
        <translation>Hoje {minutes} min de prática · fora das semanas do seu plano</translation>
    </message>
    <message>
        <source>done ✓</source>
        <translation>feito ✓</translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation>faltam {minutes} min</translation>
    </message>
    <message>
        <source>Today {done} of {target} min · {sessions} · {left}</source>
        <translation>Hoje {done} de {target} min · {sessions} · {left}</translation>
    </message>
    <message>
        <source>Start it…</source>
        <translation>Começar…</translation>
    </message>
    <message>
        <source>Open it…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Open the review…</source>
        <translation>Abrir a revisão…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Today&apos;s practice</source>
        <translation>A prática de hoje</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo passo</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>Plano…</translation>
    </message>
    <message>
        <source>Practice plan</source>
        <translation>Plano de prática</translation>
    </message>
    <message>
        <source>Weekly review…</source>
        <translation>Revisão semanal…</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Revisão semanal</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>A seguir: {step}</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;Prática</translation>
    </message>
    <message>
        <source>Getting started…</source>
        <translation>Primeiros passos…</translation>
    </message>
    <message>
        <source>your sessions could not be read ({error}).</source>
        <translation>não foi possível ler as suas sessões ({error}).</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Lehrer: a resonance assessment, then 2 × 20 min a day, a weekly review, 10 weeks</source>
        <translation>Lehrer: uma avaliação de ressonância, depois 2 × 20 min por dia, uma revisão semanal, 10 semanas</translation>
    </message>
    <message>
        <source>The protocol behind most of the evidence (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</source>
        <translation>O protocolo por trás da maior parte das provas (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</translation>
    </message>
    <message>
        <source>Short daily: 3 × 5 min a day</source>
        <translation>Curto diário: 3 × 5 min por dia</translation>
    </message>
    <message>
        <source>Short sessions spread over the day (HeartMath&apos;s plan).</source>
        <translation>Sessões curtas espalhadas ao longo do dia (o plano da HeartMath).</translation>
    </message>
    <message>
        <source>My own: the minutes and days I choose</source>
        <translation>O meu: os minutos e os dias que eu escolher</translation>
    </message>
    <message>
        <source>No plan for now</source>
        <translation>Sem plano por agora</translation>
    </message>
    <message>
        <source>Practise when you like; nothing is counted against a target.</source>
        <translation>Pratique quando quiser; nada é comparado com uma meta.</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> por dia</translation>
    </message>
    <message>
        <source> days a week</source>
        <translation> dias por semana</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sem fim marcado</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <source>Minutes each</source>
        <translation>Minutos cada</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dias</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <source>My own plan: {part}</source>
        <translation>O meu plano: {part}</translation>
    </message>
    <message>
        <source>The plan chosen</source>
        <translation>O plano escolhido</translation>
    </message>
    <message>
        <source>Each day: {minutes} min.</source>
        <translation>Cada dia: {minutes} min.</translation>
    </message>
    <message>
        <source>biofeedback — practice plan</source>
        <translation>biofeedback — plano de prática</translation>
    </message>
    <message>
        <source>A plan gives the practice a shape: how long, how often, for how many weeks. The main window shows today&apos;s part of it. You can change it at any time.</source>
        <translation>Um plano dá forma à prática: quanto tempo, com que frequência, durante quantas semanas. A janela principal mostra a parte de hoje. Pode mudá-lo a qualquer momento.</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>HR spectrum, last {seconds} s</source>
        <translation>Espectro da FC, {seconds} s</translation>
    </message>
    <message>
        <source>pacer</source>
        <translation>guia</translation>
    </message>
    <message>
        <source>collecting beats…</source>
        <translation>a recolher batimentos…</translation>
    </message>
    <message>
        <source>— before the beats stopped</source>
        <translation>— antes de os batimentos pararem</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Pulse wave (raw sensor units), beats marked</source>
        <translation>Onda de pulso (unidades do sensor), batimentos marcados</translation>
    </message>
    <message>
        <source>ECG (µV), R peaks marked</source>
        <translation>ECG (µV), picos R marcados</translation>
    </message>
    <message>
        <source>no pulse wave from this source</source>
        <translation>esta fonte não envia onda de pulso</translation>
    </message>
    <message>
        <source>Heart rate, beat to beat (bpm), last {seconds} s; breathing guide scaled (up = inhale)</source>
        <translation>Frequência cardíaca (bpm), últimos {seconds} s; guia à escala (cima = inspirar)</translation>
    </message>
    <message>
        <source>Heart rate (bpm), last {seconds} s, with the breathing guide</source>
        <translation>Frequência cardíaca (bpm), últimos {seconds} s, com o guia de respiração</translation>
    </message>
    <message>
        <source>— waiting for beats</source>
        <translation>— à espera de batimentos</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation>
            <numerusform>%n escolhido</numerusform>
            <numerusform>%n escolhido</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n session(s)</source>
        <translation>
            <numerusform>{done} de %n sessão</numerusform>
            <numerusform>{done} de %n sessões</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sessão</numerusform>
            <numerusform>%n sessões</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) not counted (under {minutes} min, simulated, replayed or without a pacer; kept in the table)</source>
        <translation>
            <numerusform>%n sessão não conta (menos de {minutes} min, simulada, reproduzida ou sem guia; fica na tabela)</numerusform>
            <numerusform>%n sessões não contam (menos de {minutes} min, simuladas, reproduzidas ou sem guia; ficam na tabela)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row</source>
        <translation>
            <numerusform>%n dia seguido</numerusform>
            <numerusform>%n dias seguidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} in %n session(s)</source>
        <translation>
            <numerusform>{total} em %n sessão</numerusform>
            <numerusform>{total} em %n sessões</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n week(s) ago).</source>
        <translation>
            <numerusform>(há %n semana).</numerusform>
            <numerusform>(há %n semanas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (from {day}): {done} on %n day(s).</source>
        <translation>
            <numerusform>Esta semana (desde {day}): {done} em %n dia.</numerusform>
            <numerusform>Esta semana (desde {day}): {done} em %n dias.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n short, simulated, replayed or unpaced session(s) (under {minutes} min, or without a pacer) kept but not counted.</source>
        <translation>
            <numerusform>%n sessão curta, simulada, reproduzida ou sem guia (menos de {minutes} min, ou sem guia) guardada mas não contada.</numerusform>
            <numerusform>%n sessões curtas, simuladas, reproduzidas ou sem guia (menos de {minutes} min, ou sem guia) guardadas mas não contadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first} – {last}, %n week(s)</source>
        <translation>
            <numerusform>{first} – {last}, %n semana</numerusform>
            <numerusform>{first} – {last}, %n semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted: {sessions} practice sessions and %n resonance assessment(s).</source>
        <translation>
            <numerusform>Contam: {sessions} sessões de prática e %n avaliação de ressonância.</numerusform>
            <numerusform>Contam: {sessions} sessões de prática e %n avaliações de ressonância.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) lower</source>
        <translation>
            <numerusform>{item} %n ponto a menos</numerusform>
            <numerusform>{item} %n pontos a menos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{item} %n point(s) higher</source>
        <translation>
            <numerusform>{item} %n ponto a mais</numerusform>
            <numerusform>{item} %n pontos a mais</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of practice</source>
        <translation>
            <numerusform>%n dia de prática</numerusform>
            <numerusform>%n dias de prática</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(a missed day forgiven %n times)</source>
        <translation>
            <numerusform>(um dia sem praticar perdoado %n vez)</numerusform>
            <numerusform>(um dia sem praticar perdoado %n vezes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>session</source>
        <translation>sessão</translation>
    </message>
    <message>
        <source>left</source>
        <translation>restante</translation>
    </message>
    <message>
        <source>open</source>
        <translation>sem limite</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coerência</translation>
    </message>
    <message>
        <source>Esc: back to the window</source>
        <translation>Esc: voltar à janela</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>HR swing per breath (bpm)</source>
        <translation>Oscilação da FC por respiração (bpm)</translation>
    </message>
    <message>
        <source>not stored for older sessions (the progress report has it)</source>
        <translation>não guardada nas sessões antigas (o relatório de progresso mostra-a)</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Tensão</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dor</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humor</translation>
    </message>
    <message>
        <source>trend: too few sessions yet</source>
        <translation>tendência: ainda poucas sessões</translation>
    </message>
    <message>
        <source>trend {slope} {unit}/week</source>
        <translation>tendência {slope} {unit}/semana</translation>
    </message>
    <message>
        <source>trend {slope}/week</source>
        <translation>tendência {slope}/semana</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Ainda não há sessões.</translation>
    </message>
    <message>
        <source>{before} before &amp;nbsp; {after} after the session &amp;nbsp;·&amp;nbsp; check-ins 0–10</source>
        <translation>{before} antes &amp;nbsp; {after} depois da sessão &amp;nbsp;·&amp;nbsp; registos 0–10</translation>
    </message>
    <message>
        <source>No sessions yet: practise a few times and your weeks appear here.</source>
        <translation>Ainda não há sessões: pratique algumas vezes e as suas semanas aparecem aqui.</translation>
    </message>
    <message>
        <source>No practice sessions yet: {left_out}.</source>
        <translation>Ainda não há sessões de prática: {left_out}.</translation>
    </message>
    <message>
        <source>no streak running</source>
        <translation>sem série em curso</translation>
    </message>
    <message>
        <source>this week {minutes} min of {target} planned ({pct} %)</source>
        <translation>esta semana {minutes} min de {target} previstos ({pct} %)</translation>
    </message>
    <message>
        <source>this week {minutes} min</source>
        <translation>esta semana {minutes} min</translation>
    </message>
    <message>
        <source>(longest {days})</source>
        <translation>(a série mais longa: {days})</translation>
    </message>
    <message>
        <source>Minutes practised per week</source>
        <translation>Minutos praticados por semana</translation>
    </message>
    <message>
        <source>line: your plan</source>
        <translation>linha: o seu plano</translation>
    </message>
    <message>
        <source>RMSSD per session (ms)</source>
        <translation>RMSSD por sessão (ms)</translation>
    </message>
    <message>
        <source>Coherence per session (ratio)</source>
        <translation>Coerência por sessão (razão)</translation>
    </message>
    <message>
        <source>Coherence per session</source>
        <translation>Coerência por sessão</translation>
    </message>
    <message>
        <source>after − before {change} on average</source>
        <translation>depois − antes {change} em média</translation>
    </message>
    <message>
        <source>no before/after pair</source>
        <translation>sem par antes/depois</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>pain</source>
        <translation>dor</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>tensão</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>humor</translation>
    </message>
    <message>
        <source>pain before sessions</source>
        <translation>dor antes das sessões</translation>
    </message>
    <message>
        <source>stress before sessions</source>
        <translation>tensão antes das sessões</translation>
    </message>
    <message>
        <source>mood before sessions</source>
        <translation>humor antes das sessões</translation>
    </message>
    <message>
        <source>swing</source>
        <translation>oscilação</translation>
    </message>
    <message>
        <source>coherence</source>
        <translation>coerência</translation>
    </message>
    <message>
        <source>week (Monday)</source>
        <translation>semana (segunda)</translation>
    </message>
    <message>
        <source>plan week</source>
        <translation>sem. plano</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>target</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>done</source>
        <translation>feito</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dias</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessões</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>de fora</translation>
    </message>
    <message>
        <source>Δpain</source>
        <translation>Δdor</translation>
    </message>
    <message>
        <source>Δstress</source>
        <translation>Δtensão</translation>
    </message>
    <message>
        <source>Δmood</source>
        <translation>Δhumor</translation>
    </message>
    <message>
        <source>swing bpm</source>
        <translation>oscil. bpm</translation>
    </message>
    <message>
        <source>shorter than the minimum length</source>
        <translation>mais curtas do que a duração mínima</translation>
    </message>
    <message>
        <source>on the simulated sensor</source>
        <translation>com o sensor simulado</translation>
    </message>
    <message>
        <source>a replay of a recording</source>
        <translation>reproduções de uma gravação</translation>
    </message>
    <message>
        <source>no breathing pacer (a record run)</source>
        <translation>sem guia de respiração (gravações com record)</translation>
    </message>
    <message>
        <source>biofeedback: practice over weeks</source>
        <translation>biofeedback: a prática ao longo das semanas</translation>
    </message>
    <message>
        <source>no sessions up to {day}</source>
        <translation>sem sessões até {day}</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
    <message>
        <source>Practice over weeks</source>
        <translation>A prática semana a semana</translation>
    </message>
    <message>
        <source>Plan: {plan}.</source>
        <translation>Plano: {plan}.</translation>
    </message>
    <message>
        <source>Sessions shorter than {minutes} min, on the simulated sensor, replays and recordings without a breathing pacer are kept but not counted.</source>
        <translation>As sessões com menos de {minutes} min, com o sensor simulado, as reproduções e as gravações sem guia de respiração ficam guardadas mas não contam.</translation>
    </message>
    <message>
        <source>Minutes practised per week</source>
        <translation>Minutos praticados por semana</translation>
    </message>
    <message>
        <source>(red: the plan&apos;s target)</source>
        <translation>(a vermelho: a meta do plano)</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Cumprimento</translation>
    </message>
    <message>
        <source>Resonance assessments</source>
        <translation>Avaliações de ressonância</translation>
    </message>
    <message>
        <source>None in these weeks.</source>
        <translation>Nenhuma nestas semanas.</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>no clear rate</source>
        <translation>sem ritmo claro</translation>
    </message>
    <message>
        <source>{day}: {rate} ({minutes} min, counted as practice)</source>
        <translation>{day}: {rate} ({minutes} min, contados como prática)</translation>
    </message>
    <message>
        <source>Check-ins and heart rhythm</source>
        <translation>Registos e ritmo cardíaco</translation>
    </message>
    <message>
        <source>Before sessions: the weekly mean (0-10)</source>
        <translation>Antes das sessões: a média semanal (0-10)</translation>
    </message>
    <message>
        <source>Per week: before sessions (mean), change within sessions (after - before), and the heart rhythm (medians)</source>
        <translation>Por semana: antes (média), mudança na sessão (depois - antes) e ritmo cardíaco (medianas)</translation>
    </message>
    <message>
        <source>{slope} points/week</source>
        <translation>{slope} pontos/semana</translation>
    </message>
    <message>
        <source>{slope}/week</source>
        <translation>{slope}/semana</translation>
    </message>
    <message>
        <source>Trends over the practice sessions (Theil-Sen): {trends}.</source>
        <translation>Tendências sobre as sessões de prática (Theil-Sen): {trends}.</translation>
    </message>
    <message>
        <source>Left out (kept, not counted): {reasons}.</source>
        <translation>De fora (guardadas, não contadas): {reasons}.</translation>
    </message>
    <message>
        <source>{count} {reason}</source>
        <translation>{reason}: {count}</translation>
    </message>
    <message>
        <source>HR swing per breath (bpm)</source>
        <translation>Oscilação da FC por respiração (bpm)</translation>
    </message>
    <message>
        <source>Coherence ratio</source>
        <translation>Razão de coerência</translation>
    </message>
    <message>
        <source>Heart rhythm during practice: the week&apos;s median</source>
        <translation>O ritmo cardíaco durante a prática: a mediana da semana</translation>
    </message>
    <message>
        <source>Minutes practised</source>
        <translation>Minutos praticados</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Done (adherence)</source>
        <translation>Feito (cumprimento)</translation>
    </message>
    <message>
        <source>Before sessions (pain, stress, mood)</source>
        <translation>Antes das sessões (dor, tensão, humor)</translation>
    </message>
    <message>
        <source>Change within sessions (Δ)</source>
        <translation>Mudança dentro das sessões (Δ)</translation>
    </message>
    <message>
        <source>Heart-rate swing</source>
        <translation>Oscilação da frequência cardíaca</translation>
    </message>
    <message>
        <source>Coherence</source>
        <translation>Coerência</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Tendências</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>De fora</translation>
    </message>
    <message>
        <source>How each number is defined</source>
        <translation>Como se define cada número</translation>
    </message>
    <message>
        <source>These are descriptions of practice, not measures of health: the check-ins are what the person answered, and heart-rhythm figures vary with posture, breathing, sleep and the sensor.</source>
        <translation>Isto descreve a prática, não mede a saúde: os registos são o que a pessoa respondeu, e os números do ritmo cardíaco variam com a postura, a respiração, o sono e o sensor.</translation>
    </message>
</context>
<context>
    <name>PulseDirection</name>
    <message>
        <source>Automatic: from the sensor, else from the pulse&apos;s shape</source>
        <translation>Automática: a do sensor ou, se não, a da forma do pulso</translation>
    </message>
    <message>
        <source>Upright: the wave rises with each beat (most finger sensors)</source>
        <translation>Normal: a onda sobe a cada batimento (a maioria dos sensores de dedo)</translation>
    </message>
    <message>
        <source>Inverted: the wave falls with each beat (raw MAX3010x)</source>
        <translation>Invertida: a onda desce a cada batimento (MAX3010x em bruto)</translation>
    </message>
    <message>
        <source>If you know which way your sensor&apos;s wave goes, choose it in Tools → Pulse direction.</source>
        <translation>Se sabe para que lado vai a onda do seu sensor, escolha-o em Ferramentas → Direção do pulso.</translation>
    </message>
    <message>
        <source>Your choice in Tools → Pulse direction holds for every sensor. If the beats look wrong with this one, choose Automatic there.</source>
        <translation>A sua escolha em Ferramentas → Direção do pulso vale para todos os sensores. Se com este os batimentos parecerem errados, escolha Automática aí.</translation>
    </message>
    <message>
        <source>Pulse direction</source>
        <translation>Direção do pulso</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>A short session ({length}, under the {min_minutes}-minute minimum in the settings): it is kept in your history, but not compared with your other sessions nor counted in your weekly progress.</source>
        <translation>Uma sessão curta ({length}, abaixo do mínimo de {min_minutes} minutos das definições): fica no seu histórico, mas não é comparada com as suas outras sessões nem conta para o seu progresso semanal.</translation>
    </message>
    <message>
        <source>A short session: too few beats to say more than the time practised.</source>
        <translation>Uma sessão curta: poucos batimentos para dizer mais do que o tempo praticado.</translation>
    </message>
    <message>
        <source>{pct} % of beats needed correction, so today&apos;s numbers are rough; a still hand and a warm finger help.</source>
        <translation>{pct} % dos batimentos precisaram de correção, por isso os números de hoje são aproximados; ajudam uma mão quieta e um dedo quente.</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath more than in most of your earlier {peers}</source>
        <translation>A sua frequência cardíaca subiu e desceu com a respiração mais do que na maioria das suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath less than in most of your earlier {peers}</source>
        <translation>A sua frequência cardíaca subiu e desceu com a respiração menos do que na maioria das suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as usual for you</source>
        <translation>A sua frequência cardíaca subiu e desceu com a respiração mais ou menos como costuma</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as in your earlier {peers}</source>
        <translation>A sua frequência cardíaca subiu e desceu com a respiração mais ou menos como nas suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell by about {bpm} bpm with each breath</source>
        <translation>A sua frequência cardíaca subiu e desceu cerca de {bpm} bpm com cada respiração</translation>
    </message>
    <message>
        <source>Too few clean breaths to measure how your heart rate followed your breath</source>
        <translation>Poucas respirações limpas para medir como a frequência cardíaca acompanhou a respiração</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>tensão</translation>
    </message>
    <message>
        <source>pain</source>
        <translation>dor</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>humor</translation>
    </message>
    <message>
        <source>your check-in answers were the same before and after</source>
        <translation>as suas respostas ao registo foram as mesmas antes e depois</translation>
    </message>
    <message>
        <source>{changes} after than before</source>
        <translation>{changes} depois do que antes</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Reminders appear as desktop notifications from the system tray while biofeedback is open (it can sit minimised).</source>
        <translation>Os lembretes aparecem como notificações do ambiente de trabalho a partir da área de notificação enquanto o biofeedback está aberto (pode estar minimizado).</translation>
    </message>
    <message>
        <source>this desktop</source>
        <translation>este ambiente de trabalho</translation>
    </message>
    <message>
        <source>This desktop has no system tray (Qt platform &apos;{platform}&apos;), so reminders appear in this window&apos;s status line while biofeedback is open.</source>
        <translation>Este ambiente de trabalho não tem área de notificação (plataforma Qt &apos;{platform}&apos;), por isso os lembretes aparecem na linha de estado desta janela enquanto o biofeedback está aberto.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoje</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>amanhã</translation>
    </message>
    <message>
        <source>No streak yet: today can be day 1</source>
        <translation>Ainda sem série: hoje pode ser o dia 1</translation>
    </message>
    <message>
        <source>(a missed day forgiven)</source>
        <translation>(um dia sem praticar perdoado)</translation>
    </message>
    <message>
        <source>; today is still open</source>
        <translation>; hoje ainda está em aberto</translation>
    </message>
    <message>
        <source>Snooze the reminder ({minutes} min)</source>
        <translation>Adiar o lembrete ({minutes} min)</translation>
    </message>
    <message>
        <source>Practice reminders…</source>
        <translation>Lembretes de prática…</translation>
    </message>
    <message>
        <source>No more reminders today</source>
        <translation>Sem mais lembretes hoje</translation>
    </message>
    <message>
        <source>Time to practise</source>
        <translation>Hora de praticar</translation>
    </message>
    <message>
        <source>Snooze or stop from the tray icon&apos;s menu.</source>
        <translation>Adie ou pare a partir do menu do ícone na área de notificação.</translation>
    </message>
    <message>
        <source>(Learn menu: snooze, or no more today)</source>
        <translation>(menu Aprender: adiar, ou mais nenhum hoje)</translation>
    </message>
    <message>
        <source>biofeedback: practice reminders</source>
        <translation>biofeedback: lembretes de prática</translation>
    </message>
    <message>
        <source>Open biofeedback</source>
        <translation>Abrir o biofeedback</translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation>Desligar os lembretes</translation>
    </message>
    <message>
        <source>Reminder snoozed until {time}.</source>
        <translation>Lembrete adiado até às {time}.</translation>
    </message>
    <message>
        <source>No more reminders today; they come back tomorrow as set.</source>
        <translation>Mais nenhum lembrete hoje; voltam amanhã como definido.</translation>
    </message>
    <message>
        <source>Practice reminders</source>
        <translation>Lembretes de prática</translation>
    </message>
    <message>
        <source>Remind me to practise</source>
        <translation>Lembrar-me de praticar</translation>
    </message>
    <message>
        <source>Reminder times</source>
        <translation>Horas dos lembretes</translation>
    </message>
    <message>
        <source>Snooze length</source>
        <translation>Duração do adiamento</translation>
    </message>
    <message>
        <source>Each time reminds once; none comes once today&apos;s practice is done, and none more than an hour late.</source>
        <translation>Cada hora lembra uma vez; nenhum chega quando a prática de hoje já está feita, nem nenhum com mais de uma hora de atraso.</translation>
    </message>
    <message>
        <source>Next reminder: &lt;b&gt;{when}&lt;/b&gt;.</source>
        <translation>Próximo lembrete: &lt;b&gt;{when}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&amp;Times (HH:MM, commas)</source>
        <translation>&amp;Horas (HH:MM, separadas por vírgulas)</translation>
    </message>
    <message>
        <source>&amp;Snooze for</source>
        <translation>&amp;Adiar durante</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Beats (intervals)</source>
        <translation>Batimentos (intervalos)</translation>
    </message>
    <message>
        <source>Time covered by beats</source>
        <translation>Tempo coberto por batimentos</translation>
    </message>
    <message>
        <source>Mean heart rate</source>
        <translation>Frequência cardíaca média</translation>
    </message>
    <message>
        <source>LF power</source>
        <translation>Potência LF</translation>
    </message>
    <message>
        <source>HF power</source>
        <translation>Potência HF</translation>
    </message>
    <message>
        <source>LF peak</source>
        <translation>Pico LF</translation>
    </message>
    <message>
        <source>Coherence ratio</source>
        <translation>Razão de coerência</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em curso</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompida</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Tensão</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Dor</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Humor</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>after</source>
        <translation>depois</translation>
    </message>
    <message>
        <source>biofeedback session {id}</source>
        <translation>sessão de biofeedback {id}</translation>
    </message>
    <message>
        <source>Breathing session report</source>
        <translation>Relatório da sessão de respiração</translation>
    </message>
    <message>
        <source>Session {id}</source>
        <translation>Sessão {id}</translation>
    </message>
    <message>
        <source>{rate} breaths/min</source>
        <translation>{rate} resp/min</translation>
    </message>
    <message>
        <source>pacer {pacer}</source>
        <translation>guia {pacer}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>HR swing per breath {swing}: {swing_words}.  RMSSD {rmssd}: {rmssd_words}.  Time in high coherence {high}.</source>
        <translation>Oscilação da FC por respiração {swing}: {swing_words}.  RMSSD {rmssd}: {rmssd_words}.  Tempo em coerência alta {high}.</translation>
    </message>
    <message>
        <source>Summary (whole session)</source>
        <translation>Resumo (sessão inteira)</translation>
    </message>
    <message>
        <source>Corrected (artifacts)</source>
        <translation>Corrigidos (artefactos)</translation>
    </message>
    <message>
        <source>Check-in (0–10)</source>
        <translation>Registo (0–10)</translation>
    </message>
    <message>
        <source>No check-in was made for this session.</source>
        <translation>Não foi feito nenhum registo nesta sessão.</translation>
    </message>
    <message>
        <source>change</source>
        <translation>mudança</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <source>… and {n} more (export --format markers)</source>
        <translation>… e mais {n} (export --format markers)</translation>
    </message>
    <message>
        <source>Heart rate with the breathing pacer</source>
        <translation>Frequência cardíaca com o guia de respiração</translation>
    </message>
    <message>
        <source>Too few beats to draw.</source>
        <translation>Poucos batimentos para desenhar.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>heart rate</source>
        <translation>frequência cardíaca</translation>
    </message>
    <message>
        <source>corrected beat</source>
        <translation>batimento corrigido</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>marca</translation>
    </message>
    <message>
        <source>Spectrum of heart-rate variability (Welch)</source>
        <translation>Espetro da variabilidade da frequência cardíaca (Welch)</translation>
    </message>
    <message>
        <source>The session is too short for a spectrum.</source>
        <translation>A sessão é demasiado curta para um espetro.</translation>
    </message>
    <message>
        <source>pacer {hz} Hz</source>
        <translation>guia {hz} Hz</translation>
    </message>
</context>
<context>
    <name>ResonanceWizard</name>
    <message>
        <source>Find your resonance breathing rate</source>
        <translation>Encontre o seu ritmo de respiração de ressonância</translation>
    </message>
    <message>
        <source>Heart rate by breathing rate</source>
        <translation>Frequência cardíaca por ritmo de respiração</translation>
    </message>
    <message>
        <source>You will breathe with the pacer at {rates} breaths per minute, one block each. Sit comfortably, keep the sensor still and breathe gently: not deeper than feels easy.</source>
        <translation>Vai respirar com o guia a {rates} respirações por minuto, um bloco para cada ritmo. Sente-se confortavelmente, mantenha o sensor quieto e respire com suavidade: não mais fundo do que lhe for fácil.</translation>
    </message>
    <message>
        <source>Afterwards the rates are compared by how strongly and smoothly your heart rate rises and falls with each breath (Lehrer, Vaschillo &amp; Vaschillo 2000). The rate that wins most criteria is suggested as your training rate. A retest on another day is wise.</source>
        <translation>Depois os ritmos são comparados pela força e suavidade com que a sua frequência cardíaca sobe e desce a cada respiração (Lehrer, Vaschillo e Vaschillo 2000). O ritmo que ganha mais critérios é sugerido como o seu ritmo de treino. É sensato repetir o teste noutro dia.</translation>
    </message>
    <message>
        <source>This is a relaxation tool, not a medical device.</source>
        <translation>É uma ferramenta de relaxamento, não um dispositivo médico.</translation>
    </message>
    <message>
        <source>Time per rate</source>
        <translation>Tempo por ritmo</translation>
    </message>
    <message>
        <source>Rest between rates</source>
        <translation>Pausa entre ritmos</translation>
    </message>
    <message>
        <source>It takes about {minutes} min in all: {n} rates of {block} each, with a {rest} rest between rates.</source>
        <translation>Demora cerca de {minutes} min no total: {n} ritmos de {block} cada, com {rest} de pausa entre ritmos.</translation>
    </message>
    <message>
        <source>It takes about {minutes} min in all: {n} rates of {block} each.</source>
        <translation>Demora cerca de {minutes} min no total: {n} ritmos de {block} cada.</translation>
    </message>
    <message>
        <source>Start ({total})</source>
        <translation>Começar ({total})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Rest: breathe as you like</source>
        <translation>Pausa: respire como quiser</translation>
    </message>
    <message>
        <source>next: {rate} breaths/min in {clock}</source>
        <translation>a seguir: {rate} resp/min dentro de {clock}</translation>
    </message>
    <message>
        <source>Rate {k} of {n}: {rate} breaths/min</source>
        <translation>Ritmo {k} de {n}: {rate} resp/min</translation>
    </message>
    <message>
        <source>then {rate} breaths/min</source>
        <translation>depois {rate} resp/min</translation>
    </message>
    <message>
        <source>then the result</source>
        <translation>depois o resultado</translation>
    </message>
    <message>
        <source>{clock} left in this block, {later}</source>
        <translation>faltam {clock} neste bloco, {later}</translation>
    </message>
    <message>
        <source>The assessment could not be scored</source>
        <translation>Não foi possível pontuar a avaliação</translation>
    </message>
    <message>
        <source>Something went wrong while scoring the blocks. Please retest.</source>
        <translation>Algo correu mal ao pontuar os blocos. Repita o teste, por favor.</translation>
    </message>
    <message>
        <source>The result could not be kept in your history ({error}).</source>
        <translation>Não foi possível guardar o resultado no seu histórico ({error}).</translation>
    </message>
    <message>
        <source>Saved: your training rate is now {rate} breaths/min.</source>
        <translation>Guardado: o seu ritmo de treino é agora {rate} resp/min.</translation>
    </message>
</context>
<context>
    <name>SensorCheck</name>
    <message>
        <source>Finger sensor</source>
        <translation>Sensor de dedo</translation>
    </message>
    <message>
        <source>Use the pad of your index or middle finger, warm, resting on a table. Cover the light fully and press lightly: pressing hard flattens the pulse. Keep the hand still and at heart height; a clip should hold without leaving a mark.</source>
        <translation>Use a ponta do dedo indicador ou do médio, quente, apoiada numa mesa. Cubra a luz por completo e pressione levemente: pressionar com força achata o pulso. Mantenha a mão quieta e à altura do coração; uma mola deve segurar sem deixar marca.</translation>
    </message>
    <message>
        <source>Ear clip</source>
        <translation>Mola de orelha</translation>
    </message>
    <message>
        <source>Clip it to the soft lobe, not the cartilage, with the light on the fleshy part. Rub the lobe for a few seconds first to warm it. Let the cable hang free, or clip it to your collar, so it does not tug when you move your head.</source>
        <translation>Prenda-a ao lóbulo mole, não à cartilagem, com a luz na parte carnuda. Esfregue antes o lóbulo alguns segundos para o aquecer. Deixe o cabo pendurado livre, ou prenda-o à gola, para que não puxe quando mexe a cabeça.</translation>
    </message>
    <message>
        <source>Chest strap</source>
        <translation>Cinta de peito</translation>
    </message>
    <message>
        <source>Wet the electrodes (water or a little gel), then wear the strap just below the chest muscles, snug but comfortable, with the sensor in the middle. The first minute after putting it on can be uneven until the skin contact settles; dry skin or a loose strap gives missed beats.</source>
        <translation>Humedeça os elétrodos (água ou um pouco de gel) e coloque a cinta logo abaixo dos peitorais, justa mas confortável, com o sensor ao centro. O primeiro minuto depois de a colocar pode ser irregular até o contacto com a pele estabilizar; pele seca ou uma cinta larga fazem perder batimentos.</translation>
    </message>
    <message>
        <source>No pulse yet: check the sensor is on and plugged in, and keep still for a few seconds.</source>
        <translation>Ainda sem pulso: verifique se o sensor está colocado e ligado, e fique quieto alguns segundos.</translation>
    </message>
    <message>
        <source>The sensor does not feel a finger or an ear: put it on, covering the light.</source>
        <translation>O sensor não deteta um dedo nem uma orelha: coloque-o a cobrir a luz.</translation>
    </message>
    <message>
        <source>The signal is clipped: loosen the clip or strap a little, or move it out of bright light.</source>
        <translation>O sinal está saturado: alivie um pouco a mola ou a cinta, ou afaste-a da luz forte.</translation>
    </message>
    <message>
        <source>The pulse is unclear: hold still and rest your hand; press lightly, not hard.</source>
        <translation>O pulso não está claro: fique quieto e apoie a mão; pressione levemente, não com força.</translation>
    </message>
    <message>
        <source>Beats arrive but the cable or radio link loses data: check the cable or move closer.</source>
        <translation>Chegam batimentos mas o cabo ou a ligação rádio perde dados: verifique o cabo ou aproxime-se.</translation>
    </message>
    <message>
        <source>Finding your pulse: {n} beats in the last {window} s. Keep still.</source>
        <translation>A procurar o seu pulso: {n} batimentos nos últimos {window} s. Fique quieto.</translation>
    </message>
    <message>
        <source>Beats are found but uneven (missed or extra beats): hold still and keep the sensor where it is for a few seconds.</source>
        <translation>Há batimentos mas irregulares (batimentos perdidos ou a mais): fique quieto e mantenha o sensor onde está alguns segundos.</translation>
    </message>
    <message>
        <source>Ready: steady beats at {bpm} bpm. You can start a session.</source>
        <translation>Pronto: batimentos estáveis a {bpm} bpm. Pode iniciar uma sessão.</translation>
    </message>
    <message>
        <source>Check my sensor</source>
        <translation>Verificar o meu sensor</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>segundos atrás</translation>
    </message>
    <message>
        <source>Placement tips</source>
        <translation>Dicas de colocação</translation>
    </message>
    <message>
        <source>Pulse wave of the last seconds, beats marked</source>
        <translation>Onda de pulso dos últimos segundos, com os batimentos marcados</translation>
    </message>
    <message>
        <source>Connect your sensor (Source, then Connect) and put it on: the pulse appears here with each beat marked as it is found.</source>
        <translation>Ligue o seu sensor (Fonte e depois Ligar) e coloque-o: o pulso aparece aqui com cada batimento marcado à medida que é encontrado.</translation>
    </message>
    <message>
        <source>Check my sensor…</source>
        <translation>Verificar o meu sensor…</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Session {id} — {name}</source>
        <translation>Sessão {id} — {name}</translation>
    </message>
    <message>
        <source>status {status}&lt;br&gt;mean HR {hr} bpm · RMSSD {rmssd} ms · SDNN {sdnn} ms · coherence {coherence} · beats {beats} ({corrected} corrected)</source>
        <translation>estado {status}&lt;br&gt;FC média {hr} bpm · RMSSD {rmssd} ms · SDNN {sdnn} ms · coerência {coherence} · batimentos {beats} ({corrected} corrigidos)</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frequência cardíaca</translation>
    </message>
    <message>
        <source>Spectrum</source>
        <translation>Espectro</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Markers (session clock)</source>
        <translation>Marcas (relógio da sessão)</translation>
    </message>
    <message>
        <source>No markers in this session (N marks a moment while practising).</source>
        <translation>Não há marcas nesta sessão (N marca um momento enquanto pratica).</translation>
    </message>
    <message>
        <source>Heart rate · {pacer}</source>
        <translation>Frequência cardíaca · {pacer}</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Serial sensor</source>
        <translation>Sensor série</translation>
    </message>
    <message>
        <source>Simulated sensor</source>
        <translation>Sensor simulado</translation>
    </message>
    <message>
        <source>Replay a file</source>
        <translation>Reproduzir um ficheiro</translation>
    </message>
    <message>
        <source>LSL stream</source>
        <translation>Fluxo LSL</translation>
    </message>
    <message>
        <source>Bluetooth strap</source>
        <translation>Cinta Bluetooth</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>some (2/min)</source>
        <translation>alguns (2/min)</translation>
    </message>
    <message>
        <source>many (8/min)</source>
        <translation>muitos (8/min)</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>clássica</translation>
    </message>
    <message>
        <source>reflected</source>
        <translation>refletida</translation>
    </message>
    <message>
        <source>dominant-reflected</source>
        <translation>refletida dominante</translation>
    </message>
    <message>
        <source>breathing</source>
        <translation>com respiração</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Porta série</translation>
    </message>
    <message>
        <source>Refresh the serial ports</source>
        <translation>Atualizar as portas série</translation>
    </message>
    <message>
        <source>Serial protocol</source>
        <translation>Protocolo série</translation>
    </message>
    <message>
        <source>Simulated baseline heart rate</source>
        <translation>Frequência cardíaca basal simulada</translation>
    </message>
    <message>
        <source>Simulated resonance rate</source>
        <translation>Ritmo de ressonância simulado</translation>
    </message>
    <message>
        <source>Simulated artifacts</source>
        <translation>Artefactos simulados</translation>
    </message>
    <message>
        <source>Simulated pulse shape</source>
        <translation>Forma de pulso simulada</translation>
    </message>
    <message>
        <source>File to replay</source>
        <translation>Ficheiro a reproduzir</translation>
    </message>
    <message>
        <source>Browse for a file to replay</source>
        <translation>Procurar um ficheiro para reproduzir</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Velocidade de reprodução</translation>
    </message>
    <message>
        <source>Lab Streaming Layer stream</source>
        <translation>Fluxo do Lab Streaming Layer</translation>
    </message>
    <message>
        <source>Find Lab Streaming Layer streams</source>
        <translation>Procurar fluxos do Lab Streaming Layer</translation>
    </message>
    <message>
        <source>Find Bluetooth straps</source>
        <translation>Procurar cintas Bluetooth</translation>
    </message>
    <message>
        <source>Connect or disconnect</source>
        <translation>Ligar ou desligar</translation>
    </message>
    <message>
        <source>port, path or pyserial URL (socket://host:port)</source>
        <translation>porta, caminho ou URL do pyserial (socket://host:porta)</translation>
    </message>
    <message>
        <source>Pick a port, or type a path or a pyserial URL such as socket://localhost:7000</source>
        <translation>Escolha uma porta, ou escreva um caminho ou um URL do pyserial como socket://localhost:7000</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> /min</translation>
    </message>
    <message>
        <source>The pulse shape of the simulated finger</source>
        <translation>A forma do pulso do dedo simulado</translation>
    </message>
    <message>
        <source>Baseline HR</source>
        <translation>FC basal</translation>
    </message>
    <message>
        <source>Resonance</source>
        <translation>Ressonância</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefactos</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pulso</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Find streams</source>
        <translation>Procurar fluxos</translation>
    </message>
    <message>
        <source>Find straps</source>
        <translation>Procurar cintas</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>&amp;Fonte</translation>
    </message>
    <message>
        <source>Bluetooth strap address</source>
        <translation>Endereço da cinta Bluetooth</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>A procurar…</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>não encontrado</translation>
    </message>
    <message>
        <source>Sensor not found at {port}: plug it in and press Refresh, or pick or type another port.</source>
        <translation>Sensor não encontrado em {port}: ligue-o e prima Atualizar, ou escolha ou escreva outra porta.</translation>
    </message>
    <message>
        <source>no serial ports found</source>
        <translation>nenhuma porta série encontrada</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>Disconnect first to change the source.</source>
        <translation>Desligue primeiro para mudar a fonte.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>connecting…</source>
        <translation>a ligar…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ligado</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desligado</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>a voltar a ligar…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sem ligação</translation>
    </message>
    <message>
        <source>good signal</source>
        <translation>bom sinal</translation>
    </message>
    <message>
        <source>no signal</source>
        <translation>sem sinal</translation>
    </message>
    <message>
        <source>signal saturated: loosen the clip or move the finger</source>
        <translation>sinal saturado: alivie a pinça ou mova o dedo</translation>
    </message>
    <message>
        <source>finger off the sensor</source>
        <translation>o dedo não está no sensor</translation>
    </message>
    <message>
        <source>signal poor: hold still</source>
        <translation>sinal fraco: fique imóvel</translation>
    </message>
    <message>
        <source>good signal, but the link loses data</source>
        <translation>bom sinal, mas a ligação perde dados</translation>
    </message>
    <message>
        <source>upright</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>invertida</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Ligação</translation>
    </message>
    <message>
        <source>Signal quality</source>
        <translation>Qualidade do sinal</translation>
    </message>
    <message>
        <source>Corrected beats</source>
        <translation>Batimentos corrigidos</translation>
    </message>
    <message>
        <source> — pulse direction unclear</source>
        <translation> — direção do pulso incerta</translation>
    </message>
    <message>
        <source> — read {chosen}, as you chose; the sensor says {declared}</source>
        <translation> — onda {chosen}, como escolheu; o sensor diz {declared}</translation>
    </message>
    <message>
        <source>corrected beats {percent}&#xa0;%</source>
        <translation>batimentos corrigidos {percent}&#xa0;%</translation>
    </message>
    <message>
        <source> — too many, numbers unreliable</source>
        <translation> — demasiados, números pouco fiáveis</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Markers (M) and notes (N) belong to a session: start one first (Space).</source>
        <translation>As marcas (M) e as notas (N) pertencem a uma sessão: inicie uma primeiro (Espaço).</translation>
    </message>
    <message>
        <source>The session held no data and was not kept.</source>
        <translation>A sessão não tinha dados e não foi guardada.</translation>
    </message>
    <message>
        <source>Session history… ({keys})</source>
        <translation>Histórico de sessões… ({keys})</translation>
    </message>
    <message>
        <source>Session {message} — nothing is lost while it lasts.</source>
        <translation>Sessão {message}: nada se perde enquanto durar.</translation>
    </message>
    <message>
        <source>Session saving again.</source>
        <translation>A sessão voltou a ser guardada.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Note for this moment:</source>
        <translation>Nota para este momento:</translation>
    </message>
    <message>
        <source>Session saved — see History ({keys}).</source>
        <translation>Sessão guardada: veja-a no histórico ({keys}).</translation>
    </message>
    <message>
        <source>The session summary could not be read: {error}</source>
        <translation>Não foi possível ler o resumo da sessão: {error}</translation>
    </message>
    <message>
        <source>biofeedback — session history</source>
        <translation>biofeedback — histórico de sessões</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <source>Progress plot</source>
        <translation>Gráfico de progresso</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>a swing per breath</source>
        <translation>uma oscilação por respiração</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessões</translation>
    </message>
    <message>
        <source>simulated sessions</source>
        <translation>sessões simuladas</translation>
    </message>
    <message>
        <source>replays</source>
        <translation>reproduções</translation>
    </message>
    <message>
        <source>sessions without a pacer</source>
        <translation>sessões sem guia</translation>
    </message>
    <message>
        <source>not compared: a short session</source>
        <translation>sem comparação: uma sessão curta</translation>
    </message>
    <message>
        <source>not enough clean beats for {what}</source>
        <translation>não há batimentos limpos suficientes para {what}</translation>
    </message>
    <message>
        <source>not enough clean beats</source>
        <translation>não há batimentos limpos suficientes</translation>
    </message>
    <message>
        <source>no earlier {peers} to compare with</source>
        <translation>não há {peers} anteriores para comparar</translation>
    </message>
    <message>
        <source>your first session with this number</source>
        <translation>a sua primeira sessão com este número</translation>
    </message>
    <message>
        <source>set against your own {peers} once there are {needed} earlier ones ({earlier} so far)</source>
        <translation>será comparado com as suas próprias {peers} quando houver {needed} anteriores ({earlier} até agora)</translation>
    </message>
    <message>
        <source>your median {value} {unit}</source>
        <translation>a sua mediana {value} {unit}</translation>
    </message>
    <message>
        <source>higher than in all {n} of your earlier {peers} ({median})</source>
        <translation>mais alto do que em todas as {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>not higher than in any of your {n} earlier {peers} ({median})</source>
        <translation>não mais alto do que em nenhuma das suas {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>higher than in {below} of your {n} earlier {peers} ({median})</source>
        <translation>mais alto do que em {below} das suas {n} {peers} anteriores ({median})</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <source>{points} lower</source>
        <translation>{points} a menos</translation>
    </message>
    <message>
        <source>{points} higher</source>
        <translation>{points} a mais</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Resumo da sessão</translation>
    </message>
    <message>
        <source>Time practised</source>
        <translation>Tempo de prática</translation>
    </message>
    <message>
        <source>Coherence, mean (peak)</source>
        <translation>Coerência, média (pico)</translation>
    </message>
    <message>
        <source>Time in high coherence</source>
        <translation>Tempo em coerência alta</translation>
    </message>
    <message>
        <source>HR swing per breath</source>
        <translation>Oscilação da FC por respiração</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Batimentos</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>after</source>
        <translation>depois</translation>
    </message>
    <message>
        <source>change</source>
        <translation>diferença</translation>
    </message>
    <message>
        <source>session clock</source>
        <translation>relógio da sessão</translation>
    </message>
    <message>
        <source>needs at least 64 s of beats</source>
        <translation>precisa de pelo menos 64 s de batimentos</translation>
    </message>
    <message>
        <source>ratio, 64 s windows</source>
        <translation>razão, janelas de 64 s</translation>
    </message>
    <message>
        <source>{percent} % of the session</source>
        <translation>{percent} % da sessão</translation>
    </message>
    <message>
        <source>{percent} % corrected</source>
        <translation>{percent} % corrigidos</translation>
    </message>
    <message>
        <source>biofeedback — session summary</source>
        <translation>biofeedback — resumo da sessão</translation>
    </message>
    <message>
        <source>History and progress…</source>
        <translation>Histórico e progresso…</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
</context>
<context>
    <name>WeeklyReview</name>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previstos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Feito</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dias</translation>
    </message>
    <message>
        <source>Pain before</source>
        <translation>Dor antes</translation>
    </message>
    <message>
        <source>Stress before</source>
        <translation>Tensão antes</translation>
    </message>
    <message>
        <source>Mood before</source>
        <translation>Humor antes</translation>
    </message>
    <message>
        <source>Pain change</source>
        <translation>Mudança da dor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pain&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Dor&lt;/b&gt; antes das sessões</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stress&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Tensão&lt;/b&gt; antes das sessões</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mood&lt;/b&gt; before sessions</source>
        <translation>&lt;b&gt;Humor&lt;/b&gt; antes das sessões</translation>
    </message>
    <message>
        <source>(plan week {week})</source>
        <translation>(semana {week} do plano)</translation>
    </message>
    <message>
        <source>{item}: {value} (week of {day})</source>
        <translation>{item}: {value} (semana de {day})</translation>
    </message>
    <message>
        <source> → {value} ({day})</source>
        <translation> → {value} ({day})</translation>
    </message>
    <message>
        <source>, trend {slope} a week</source>
        <translation>, tendência {slope} por semana</translation>
    </message>
    <message>
        <source>, too few sessions for a trend</source>
        <translation>, poucas sessões para uma tendência</translation>
    </message>
    <message>
        <source>No check-ins answered before sessions yet.</source>
        <translation>Ainda não há registos respondidos antes das sessões.</translation>
    </message>
    <message>
        <source>No resonance assessment yet: it finds the breathing rate at which your heart rate swings most (about {minutes} minutes).</source>
        <translation>Ainda não há avaliação de ressonância: encontra o ritmo de respiração a que a sua frequência cardíaca mais oscila (cerca de {minutes} minutos).</translation>
    </message>
    <message>
        <source>Your resonance rate: &lt;b&gt;{rate} breaths/min&lt;/b&gt;, from the assessment of {day}</source>
        <translation>O seu ritmo de ressonância: &lt;b&gt;{rate} resp/min&lt;/b&gt;, da avaliação de {day}</translation>
    </message>
    <message>
        <source>The rate can shift with practice: a new assessment is offered, whenever suits you (nothing changes if you skip it).</source>
        <translation>O ritmo pode mudar com a prática: é proposta uma nova avaliação, quando lhe convier (nada muda se não a fizer).</translation>
    </message>
    <message>
        <source>biofeedback — weekly review</source>
        <translation>biofeedback — revisão semanal</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Change the plan…</source>
        <translation>Mudar o plano…</translation>
    </message>
    <message>
        <source>Weeks against the plan</source>
        <translation>Semanas face ao plano</translation>
    </message>
    <message>
        <source>Check-ins before sessions</source>
        <translation>Registos antes das sessões</translation>
    </message>
    <message>
        <source>Resonance rate</source>
        <translation>Ritmo de ressonância</translation>
    </message>
    <message>
        <source>Re-assess my resonance rate…</source>
        <translation>Voltar a avaliar o meu ritmo de ressonância…</translation>
    </message>
    <message>
        <source>Nothing practised yet.</source>
        <translation>Ainda não praticou.</translation>
    </message>
    <message>
        <source>{minutes} min of {target} planned ({pct} %)</source>
        <translation>{minutes} min de {target} previstos ({pct} %)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Last week: {minutes} min of {target} ({pct} %).</source>
        <translation>Semana passada: {minutes} min de {target} ({pct} %).</translation>
    </message>
    <message>
        <source>Last week: {minutes} min.</source>
        <translation>Semana passada: {minutes} min.</translation>
    </message>
    <message>
        <source>Find my resonance rate…</source>
        <translation>Encontrar o meu ritmo de ressonância…</translation>
    </message>
    <message>
        <source>Progress plot</source>
        <translation>Gráfico de progresso</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Heart rate curve with the breathing guide</source>
        <translation>Curva da frequência cardíaca com o guia de respiração</translation>
    </message>
    <message>
        <source>Pulse wave</source>
        <translation>Onda de pulso</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>ECG</translation>
    </message>
    <message>
        <source>RMSSD trend</source>
        <translation>Tendência do RMSSD</translation>
    </message>
    <message>
        <source>Coherence trend</source>
        <translation>Tendência da coerência</translation>
    </message>
    <message>
        <source>Heart rate spectrum</source>
        <translation>Espectro da frequência cardíaca</translation>
    </message>
    <message>
        <source>Session length</source>
        <translation>Duração da sessão</translation>
    </message>
    <message>
        <source>How long the next session lasts; open-ended runs until you stop it</source>
        <translation>Quanto dura a próxima sessão; sem limite continua até a parar</translation>
    </message>
    <message>
        <source>Start or stop session</source>
        <translation>Iniciar ou parar a sessão</translation>
    </message>
    <message>
        <source>Space starts or stops the session</source>
        <translation>Espaço inicia ou para a sessão</translation>
    </message>
    <message>
        <source>Session clock</source>
        <translation>Relógio da sessão</translation>
    </message>
    <message>
        <source>Time in the session so far and time left</source>
        <translation>Tempo decorrido na sessão e tempo restante</translation>
    </message>
    <message>
        <source>Pacer rate, breaths per minute</source>
        <translation>Ritmo do guia, respirações por minuto</translation>
    </message>
    <message>
        <source>Up and Down arrow keys change it</source>
        <translation>As setas para cima e para baixo alteram-no</translation>
    </message>
    <message>
        <source>Inhale to exhale ratio</source>
        <translation>Proporção inspiração:expiração</translation>
    </message>
    <message>
        <source>Share of each breath spent breathing in</source>
        <translation>Parte de cada respiração passada a inspirar</translation>
    </message>
    <message>
        <source>Hold after inhale, seconds</source>
        <translation>Pausa após inspirar, segundos</translation>
    </message>
    <message>
        <source>A pause at the top of each breath</source>
        <translation>Uma pausa no cimo de cada respiração</translation>
    </message>
    <message>
        <source>Hold after exhale, seconds</source>
        <translation>Pausa após expirar, segundos</translation>
    </message>
    <message>
        <source>A pause at the bottom of each breath</source>
        <translation>Uma pausa no fundo de cada respiração</translation>
    </message>
    <message>
        <source>Sound cue</source>
        <translation>Sinal sonoro</translation>
    </message>
    <message>
        <source>A soft tone at each change between breathing in and out</source>
        <translation>Um tom suave em cada mudança entre inspirar e expirar</translation>
    </message>
    <message>
        <source>Screen for presentation mode</source>
        <translation>Ecrã do modo de apresentação</translation>
    </message>
    <message>
        <source>Where presentation mode opens</source>
        <translation>Onde abre o modo de apresentação</translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation>Tema claro ou escuro</translation>
    </message>
    <message>
        <source>Switch between the light and the dark colours</source>
        <translation>Alterna entre as cores claras e as escuras</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Modo de apresentação</translation>
    </message>
    <message>
        <source>Large views for a second screen; F11, Escape leaves it</source>
        <translation>Vistas grandes para um segundo ecrã; F11, Esc para sair</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ajuda</translation>
    </message>
    <message>
        <source>What each number means, and the keys; F1</source>
        <translation>O que significa cada número, e as teclas; F1</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sem limite</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Iniciar sessão</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>sem sessão</translation>
    </message>
    <message>
        <source> /min</source>
        <translation> /min</translation>
    </message>
    <message>
        <source>Pacer rate, breaths per minute (↑/↓)</source>
        <translation>Ritmo do guia, respirações por minuto (↑/↓)</translation>
    </message>
    <message>
        <source>hold after inhale</source>
        <translation>pausa após inspirar</translation>
    </message>
    <message>
        <source>hold after exhale</source>
        <translation>pausa após expirar</translation>
    </message>
    <message>
        <source>Screen used by presentation mode</source>
        <translation>Ecrã usado pelo modo de apresentação</translation>
    </message>
    <message>
        <source>Screen {number}: {name}</source>
        <translation>Ecrã {number}: {name}</translation>
    </message>
    <message>
        <source>Screen {number}</source>
        <translation>Ecrã {number}</translation>
    </message>
    <message>
        <source>Light/dark</source>
        <translation>Claro/escuro</translation>
    </message>
    <message>
        <source>Present (F11)</source>
        <translation>Apresentar (F11)</translation>
    </message>
    <message>
        <source>Presentation mode: large, for a coach&apos;s screen; Esc leaves it</source>
        <translation>Modo de apresentação: grande, para o ecrã de um treinador; Esc para sair</translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation>Ajuda (F1)</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <source>&amp;Pacer</source>
        <translation>&amp;Guia</translation>
    </message>
    <message>
        <source>in:&amp;out</source>
        <translation>insp:e&amp;xp</translation>
    </message>
    <message>
        <source>hol&amp;ds</source>
        <translation>pa&amp;usas</translation>
    </message>
    <message>
        <source>Breathing pacer</source>
        <translation>Guia de respiração</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Números em direto</translation>
    </message>
    <message>
        <source>Not a medical device</source>
        <translation>Não é um dispositivo médico</translation>
    </message>
    <message>
        <source>RMSSD, {seconds} s</source>
        <translation>RMSSD, {seconds} s</translation>
    </message>
    <message>
        <source>Coherence, {seconds} s</source>
        <translation>Coerência, {seconds} s</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>razão</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>à espera de dados</translation>
    </message>
    <message>
        <source>heart rate {bpm} bpm</source>
        <translation>frequência cardíaca {bpm} bpm</translation>
    </message>
    <message>
        <source>pulse arriving</source>
        <translation>pulso a chegar</translation>
    </message>
    <message>
        <source>ECG arriving</source>
        <translation>ECG a chegar</translation>
    </message>
    <message>
        <source>RMSSD {ms} ms</source>
        <translation>RMSSD {ms} ms</translation>
    </message>
    <message>
        <source>coherence {value}</source>
        <translation>coerência {value}</translation>
    </message>
    <message>
        <source>pacer rate marked at {hz} Hz</source>
        <translation>ritmo do guia marcado em {hz} Hz</translation>
    </message>
    <message>
        <source>biofeedback — breathing and heart rate (not a medical device)</source>
        <translation>biofeedback — respiração e frequência cardíaca (não é um dispositivo médico)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Ferramen&amp;tas</translation>
    </message>
    <message>
        <source>Find my resonance rate…</source>
        <translation>Encontrar o meu ritmo de ressonância…</translation>
    </message>
    <message>
        <source>Adaptive pacing: start at my breathing, glide to my rate</source>
        <translation>Guia adaptativo: começa na minha respiração e desliza até ao meu ritmo</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Parar sessão</translation>
    </message>
    <message>
        <source>Internal error while processing data: {error}</source>
        <translation>Erro interno ao processar os dados: {error}</translation>
    </message>
    <message>
        <source>Adaptive pacing done: the pacer reached your rate, {rate} /min.</source>
        <translation>Guia adaptativo concluído: o guia chegou ao seu ritmo, {rate} /min.</translation>
    </message>
    <message>
        <source>Adaptive pacing ended: the pacer stays at {rate} /min.</source>
        <translation>Guia adaptativo terminado: o guia fica em {rate} /min.</translation>
    </message>
    <message>
        <source>No session without a source: connect a sensor (or the simulated one) first.</source>
        <translation>Não há sessão sem uma fonte: ligue primeiro um sensor (ou o simulado).</translation>
    </message>
    <message>
        <source>Marker “{label}” set at {clock}.</source>
        <translation>Marca «{label}» colocada aos {clock}.</translation>
    </message>
    <message>
        <source>Marker “{label}” set.</source>
        <translation>Marca «{label}» colocada.</translation>
    </message>
    <message>
        <source>Session completed. Well done.</source>
        <translation>Sessão concluída. Muito bem!</translation>
    </message>
    <message>
        <source>  ({clock} left)</source>
        <translation>  (faltam {clock})</translation>
    </message>
    <message>
        <source>Screen {n}</source>
        <translation>Ecrã {n}</translation>
    </message>
    <message>
        <source>The client view is on {screen}; F11 or Esc closes it.</source>
        <translation>A vista do cliente está em {screen}; F11 ou Esc fecha-a.</translation>
    </message>
    <message>
        <source>the other screen</source>
        <translation>o outro ecrã</translation>
    </message>
    <message>
        <source>(click to read it whole)</source>
        <translation>(clique para o ler por inteiro)</translation>
    </message>
</context>
<context>
    <name>WizardResult</name>
    <message>
        <source>HR peak closest to end of inhale</source>
        <translation>pico da FC mais perto do fim da inspiração</translation>
    </message>
    <message>
        <source>largest HR swing</source>
        <translation>maior oscilação da FC</translation>
    </message>
    <message>
        <source>largest LF power</source>
        <translation>maior potência LF</translation>
    </message>
    <message>
        <source>highest LF peak</source>
        <translation>pico LF mais alto</translation>
    </message>
    <message>
        <source>smoothest HR curve</source>
        <translation>curva da FC mais suave</translation>
    </message>
    <message>
        <source>single LF peak</source>
        <translation>um só pico LF</translation>
    </message>
    <message>
        <source>your heart rate rose and fell most in step with your breathing</source>
        <translation>a sua frequência cardíaca subiu e desceu mais ao ritmo da sua respiração</translation>
    </message>
    <message>
        <source>your heart rate swung the most with each breath</source>
        <translation>a sua frequência cardíaca oscilou mais a cada respiração</translation>
    </message>
    <message>
        <source>the slow waves of your heart rate were strongest</source>
        <translation>as ondas lentas da sua frequência cardíaca foram mais fortes</translation>
    </message>
    <message>
        <source>those waves gathered most at your breathing rate</source>
        <translation>essas ondas concentraram-se mais no seu ritmo de respiração</translation>
    </message>
    <message>
        <source>the heart-rate waves were smoothest</source>
        <translation>as ondas da frequência cardíaca foram mais suaves</translation>
    </message>
    <message>
        <source>your heart rate followed one clear rhythm</source>
        <translation>a sua frequência cardíaca seguiu um ritmo claro</translation>
    </message>
    <message>
        <source>a clear result</source>
        <translation>um resultado claro</translation>
    </message>
    <message>
        <source>a likely result, not a certain one</source>
        <translation>um resultado provável, não certo</translation>
    </message>
    <message>
        <source>an uncertain result: the rates came out close</source>
        <translation>um resultado incerto: os ritmos ficaram muito próximos</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <source>Rate /min</source>
        <translation>Ritmo /min</translation>
    </message>
    <message>
        <source>HR swing bpm</source>
        <translation>Oscilação FC bpm</translation>
    </message>
    <message>
        <source>LF power ms²</source>
        <translation>Potência LF ms²</translation>
    </message>
    <message>
        <source>HR peak vs end of inhale</source>
        <translation>Pico da FC face ao fim da inspiração</translation>
    </message>
    <message>
        <source>Smoothness</source>
        <translation>Suavidade</translation>
    </message>
    <message>
        <source>Criteria won, or why the block was not used</source>
        <translation>Critérios ganhos, ou porque o bloco não foi usado</translation>
    </message>
    <message>
        <source>Show the numbers behind it</source>
        <translation>Ver os números por trás</translation>
    </message>
    <message>
        <source>Save as my training rate</source>
        <translation>Guardar como o meu ritmo de treino</translation>
    </message>
    <message>
        <source>Retest</source>
        <translation>Repetir o teste</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Heart rate during each block (scored part; x = artifact, bridged):</source>
        <translation>Frequência cardíaca em cada bloco (parte pontuada; x = artefacto, colmatado):</translation>
    </message>
    <message>
        <source>Hide the numbers</source>
        <translation>Ocultar os números</translation>
    </message>
    <message>
        <source>No resonance rate could be determined</source>
        <translation>Não foi possível determinar um ritmo de ressonância</translation>
    </message>
    <message>
        <source>Why: {reasons}. Details per rate are in the table. Try again sitting still and breathing with the pacer.</source>
        <translation>Porquê: {reasons}. Os detalhes de cada ritmo estão na tabela. Tente de novo sentado e quieto, a respirar com o guia.</translation>
    </message>
    <message>
        <source>Nothing to save: no rate could be determined. Retest instead.</source>
        <translation>Nada para guardar: não foi possível determinar nenhum ritmo. Repita antes o teste.</translation>
    </message>
    <message>
        <source>Your resonance rate: {rate} breaths per minute</source>
        <translation>O seu ritmo de ressonância: {rate} respirações por minuto</translation>
    </message>
    <message>
        <source>At {rate} breaths per minute {reasons}: that is the rate to practise at. This is {sure}. {note} A retest on another day is wise. (The rates were compared by the criteria of Lehrer, Vaschillo &amp; Vaschillo 2000; the numbers are behind the button below.)</source>
        <translation>A {rate} respirações por minuto {reasons}: é esse o ritmo para praticar. É {sure}. {note} É sensato repetir o teste noutro dia. (Os ritmos foram comparados pelos critérios de Lehrer, Vaschillo e Vaschillo 2000; os números estão por trás do botão abaixo.)</translation>
    </message>
    <message>
        <source>won: {criteria}</source>
        <translation>ganhou: {criteria}</translation>
    </message>
    <message>
        <source>won no criterion</source>
        <translation>não ganhou nenhum critério</translation>
    </message>
    <message>
        <source>not used: {reasons}</source>
        <translation>não usado: {reasons}</translation>
    </message>
</context>
</TS>
