<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>Assessment</name>
    <message>
        <source>only {usable} of {n} rates gave a usable block (at least {needed} are needed)</source>
        <translation>só {usable} de {n} ritmos deram um bloco utilizável (são necessários pelo menos {needed})</translation>
    </message>
    <message>
        <source>too noisy: in {k} of {n} blocks more than {max} % of beats had to be corrected (movement or a loose sensor)</source>
        <translation>ruído demais: em {k} de {n} blocos foi preciso corrigir mais de {max} % dos batimentos (movimento ou um sensor solto)</translation>
    </message>
    <message>
        <source>the chest strap&apos;s movement</source>
        <translation>o movimento da cinta peitoral</translation>
    </message>
    <message>
        <source>in time with the guide</source>
        <translation>no compasso do guia</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>0 very low · 10 excellent</source>
        <translation>0 muito para baixo · 10 excelente</translation>
    </message>
    <message>
        <source>Type 0 to 9 (1 then 0 for 10), or use the arrow keys; Delete clears the answer.</source>
        <translation>Digite de 0 a 9 (1 e depois 0 para 10), ou use as setas; Delete apaga a resposta.</translation>
    </message>
    <message>
        <source>Check-in before the session</source>
        <translation>Registro antes da sessão</translation>
    </message>
    <message>
        <source>Check-in after the session</source>
        <translation>Registro depois da sessão</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Pular</translation>
    </message>
</context>
<context>
    <name>ClientView</name>
    <message>
        <source>biofeedback — client view</source>
        <translation>biofeedback — tela do cliente</translation>
    </message>
    <message>
        <source>Heart rate curve with the breathing guide, client view</source>
        <translation>Curva da frequência cardíaca com o guia de respiração, tela do cliente</translation>
    </message>
    <message>
        <source>Breathing pacer, client view</source>
        <translation>Guia de respiração, tela do cliente</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>A session is running</source>
        <translation>Há uma sessão em andamento</translation>
    </message>
    <message>
        <source>Your session has run for {elapsed}. Stop it and close the window?</source>
        <translation>Sua sessão já dura {elapsed}. Parar e fechar a janela?</translation>
    </message>
    <message>
        <source>Everything recorded so far is kept. With the check-in you can say how you feel now, before the window closes.</source>
        <translation>Tudo o que foi gravado até agora fica salvo. No registro você pode dizer como se sente agora, antes de a janela fechar.</translation>
    </message>
    <message>
        <source>Stop, check in and close</source>
        <translation>Parar, registrar e fechar</translation>
    </message>
    <message>
        <source>Keep practising</source>
        <translation>Continuar praticando</translation>
    </message>
</context>
<context>
    <name>Coach</name>
    <message>
        <source>My name on Lab Streaming Layer…</source>
        <translation>Meu nome no Lab Streaming Layer…</translation>
    </message>
    <message>
        <source>Coach view: every client on the network…</source>
        <translation>Tela do treinador: todos os clientes da rede…</translation>
    </message>
    <message>
        <source>The name a coach sees on your tile:</source>
        <translation>O nome que o treinador vê no painel dele:</translation>
    </message>
    <message>
        <source>streaming on LSL as {name}</source>
        <translation>transmitindo por LSL como {name}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
    <message>
        <source>biofeedback — coach view (read-only)</source>
        <translation>biofeedback — tela do treinador (somente leitura)</translation>
    </message>
    <message>
        <source>Looking for biofeedback clients on the network (Lab Streaming Layer)…</source>
        <translation>Procurando clientes do biofeedback na rede (Lab Streaming Layer)…</translation>
    </message>
    <message>
        <source>, showing {name} (click it to see them all)</source>
        <translation>, mostrando {name} (clique para ver todos)</translation>
    </message>
    <message>
        <source>, showing {first}–{last}; scroll for the others</source>
        <translation>, mostrando {first}–{last}; role para ver os outros</translation>
    </message>
    <message>
        <source>; scroll to see them</source>
        <translation>; role para vê-los</translation>
    </message>
    <message>
        <source>; {more} more found, not shown (at most {most} clients are read at once)</source>
        <translation>; mais {more} encontrados, não mostrados (são lidos no máximo {most} clientes por vez)</translation>
    </message>
</context>
<context>
    <name>Coherence</name>
    <message>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
    <message>
        <source>Coherence (McCraty &amp; Childre 2010): smoothed ratio of 64 s windows; low below {low}, high from {high}. Click (or Enter) to show the numbers.</source>
        <translation>Coerência (McCraty e Childre 2010): razão suavizada de janelas de 64 s; baixa abaixo de {low}, alta a partir de {high}. Clique (ou pressione Enter) para ver os números.</translation>
    </message>
    <message>
        <source>waiting: coherence needs 64 s of beats</source>
        <translation>aguardando: a coerência precisa de 64 s de batimentos</translation>
    </message>
</context>
<context>
    <name>Definitions</name>
    <message>
        <source>Minutes practised divided by the week&apos;s target (100 % = as planned).</source>
        <translation>Minutos praticados divididos pela meta da semana (100 % = como planejado).</translation>
    </message>
    <message>
        <source>Check-in before a session, 0 (none) to 10 (worst/best imaginable), as the person answered it; the week&apos;s mean over the sessions where it was answered: the baseline trend.</source>
        <translation>Registro antes de uma sessão, de 0 (nada) a 10 (o pior/melhor imaginável), tal como a pessoa respondeu; a média da semana sobre as sessões em que foi respondido: a tendência de base.</translation>
    </message>
    <message>
        <source>Coherence ratio (McCraty &amp; Childre 2010): power within 0.015 Hz of the highest peak in 0.04-0.26 Hz over the rest of the power in 0.0033-0.4 Hz, mean of 64 s windows stepped every 5 s over a session; the week&apos;s median over sessions.</source>
        <translation>Razão de coerência (McCraty &amp; Childre 2010): a potência a menos de 0,015 Hz do pico mais alto em 0,04-0,26 Hz dividida pelo resto da potência em 0,0033-0,4 Hz, média de janelas de 64 s deslocadas a cada 5 s ao longo de uma sessão; a mediana da semana sobre as sessões.</translation>
    </message>
    <message>
        <source>Trend: the Theil-Sen slope (median of pairwise slopes, Sen 1968) over sessions, per week; only with {sessions} sessions over {days} days or more.</source>
        <translation>Tendência: a inclinação de Theil-Sen (mediana das inclinações entre pares, Sen 1968) sobre as sessões, por semana; só com {sessions} sessões ao longo de {days} dias ou mais.</translation>
    </message>
    <message>
        <source>Sessions kept but not counted anywhere here: shorter than the minimum length, on the simulated sensor, replays, or without a breathing pacer (record runs).</source>
        <translation>Sessões salvas mas que não contam em nada do que aparece aqui: mais curtas do que a duração mínima, com o sensor simulado, reproduções ou sem guia de respiração (gravações com record).</translation>
    </message>
</context>
<context>
    <name>EyesClosed</name>
    <message>
        <source>Dim the screen (pacer stays faintly visible)</source>
        <translation>Escurecer a tela (o guia fica pouco visível)</translation>
    </message>
    <message>
        <source>Screen dimmed: click it or press Ctrl+D to bring it back.</source>
        <translation>Tela escurecida: clique nela ou pressione Ctrl+D para restaurá-la.</translation>
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
peito dá os seus batimentos, e a tela mostra como a frequência cardíaca sobe e desce com cada
respiração. Com prática regular (na maioria dos estudos, cerca de 20 minutos duas vezes por dia durante algumas semanas),
respirar devagar ao seu próprio ritmo de &quot;ressonância&quot; ajuda muitas pessoas a se sentirem mais calmas e a lidar melhor com o estresse
e a dor; os efeitos medidos são pequenos a moderados.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;O que não é.&lt;/b&gt; {disclaimer} Não dá diagnósticos nem tratamentos, e não
substitui os cuidados do seu médico. Se você tem um problema cardíaco, dificuldades respiratórias ou dor
crônica, consulte um profissional de saúde antes de praticar, e pare se sentir tonturas ou falta de ar:
volte a respirar normalmente.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;As próximas páginas&lt;/b&gt; (pode pular qualquer uma): conectar um sensor, uma primeira sessão de {minutes} minutos,
a avaliação de ressonância quando estiver pronto, e um plano.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Connect a sensor</source>
        <translation>Conecte um sensor</translation>
    </message>
    <message>
        <source>Connect the sensor chosen in the Source box</source>
        <translation>Conectar o sensor escolhido na caixa Fonte</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexão</translation>
    </message>
    <message>
        <source>Choose your sensor in the &lt;b&gt;Source&lt;/b&gt; box at the top of the main window (a finger or ear sensor on a serial port, a chest strap over Bluetooth), then connect it. No sensor yet? The simulated one behaves like a person breathing, so you can try everything (its sessions are kept but not counted as practice). &lt;b&gt;Check my sensor&lt;/b&gt; shows your pulse as it arrives and says when it sits well.</source>
        <translation>Escolha o seu sensor na caixa &lt;b&gt;Fonte&lt;/b&gt;, no topo da janela principal (um sensor de dedo ou de orelha em uma porta serial, uma cinta peitoral Bluetooth), e depois conecte-o. Ainda não tem sensor? O simulado comporta-se como uma pessoa respirando, por isso pode experimentar tudo (suas sessões ficam salvas mas não contam como prática). &lt;b&gt;Verificar o meu sensor&lt;/b&gt; mostra o seu pulso à medida que chega e diz quando está bem colocado.</translation>
    </message>
    <message>
        <source>Sit upright and at ease, feet on the floor, shoulders loose. Breathe in through the nose while the circle grows, out while it shrinks: low into the belly, slow, never forced. A short check-in asks how you feel before and after (you may skip it). This page steps aside while the session runs and comes back when it ends.</source>
        <translation>Sente-se direito e à vontade, pés no chão, ombros soltos. Inspire pelo nariz enquanto o círculo cresce e expire enquanto encolhe: lá embaixo, para a barriga, devagar, nunca forçado. Um breve registro pergunta como se sente antes e depois (pode pulá-lo). Esta página se recolhe durante a sessão e volta quando ela termina.</translation>
    </message>
    <message>
        <source>Your resonance rate, when you are ready</source>
        <translation>Seu ritmo de ressonância, quando estiver pronto</translation>
    </message>
    <message>
        <source>Each person&apos;s heart rhythm swings most at one breathing rate, usually between 4.5 and 6.5 breaths a minute. The assessment (about {minutes} minutes) paces you at five rates in turn and finds yours; its minutes count as practice. Do it once you are at ease with the pacer: today, or another day (the next step in the main window reminds you; Tools → Find my resonance rate… at any time).</source>
        <translation>O ritmo cardíaco de cada pessoa oscila mais a um determinado ritmo de respiração, normalmente entre 4,5 e 6,5 respirações por minuto. A avaliação (cerca de {minutes} minutos) guia você por cinco ritmos, um de cada vez, e encontra o seu; esses minutos contam como prática. Faça-a quando estiver à vontade com o guia: hoje ou em outro dia (o próximo passo na janela principal lembra você; Ferramentas → Encontrar o meu ritmo de ressonância… a qualquer momento).</translation>
    </message>
    <message>
        <source>Learn → Today&apos;s lesson has a short read for each of the first two weeks; Learn → Practice reminders… can remind you at the times you pick.</source>
        <translation>Aprender → A lição de hoje tem uma leitura curta para cada dia das duas primeiras semanas; Aprender → Lembretes de prática… pode lembrar você nos horários que escolher.</translation>
    </message>
    <message>
        <source>Save my plan</source>
        <translation>Salvar meu plano</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connected.&lt;/b&gt; Beats appear in the main window; go on with Next.</source>
        <translation>&lt;b&gt;Conectado.&lt;/b&gt; Os batimentos aparecem na janela principal; continue com Próximo.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Ainda não conectado.</translation>
    </message>
    <message>
        <source>Connect a sensor first (the page before).</source>
        <translation>Conecte um sensor primeiro (a página anterior).</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>start or stop a session (the clock starts after the &quot;before&quot; check-in); on a button, check box or list that has the keyboard focus, Space presses or opens it instead</source>
        <translation>inicia ou para uma sessão (o relógio começa depois do registro “antes”); num botão, caixa de verificação ou lista com o foco do teclado, o Espaço o aciona ou abre</translation>
    </message>
    <message>
        <source>pacer rate ±{step} breaths/min (a list with the focus takes ↑ / ↓ itself)</source>
        <translation>ritmo do guia ±{step} resp/min (uma lista com o foco usa ↑ / ↓ para ela mesma)</translation>
    </message>
    <message>
        <source>moves the keyboard focus through the controls and the pacer (the plots are skipped; their values are read out by a screen reader)</source>
        <translation>move o foco do teclado pelos controles e pelo guia (os gráficos são pulados; um leitor de tela lê os seus valores)</translation>
    </message>
    <message>
        <source>dim the screen, the pacer faintly visible (a click or Ctrl+D again lifts it)</source>
        <translation>escurece a tela, com o guia pouco visível (um clique ou Ctrl+D de novo desfaz)</translation>
    </message>
    <message>
        <source>presentation: with another screen chosen (&quot;Screen 2&quot;), the client&apos;s view opens there and this window keeps every control; with one screen, this window in large type</source>
        <translation>apresentação: com outra tela escolhida (“Tela 2”), a tela do cliente abre lá e esta janela mantém todos os controles; com uma só tela, esta janela em letra grande</translation>
    </message>
    <message>
        <source>close the client&apos;s view, or leave presentation mode (back to the window as it was)</source>
        <translation>fecha a tela do cliente ou sai do modo de apresentação (volta à janela como estava)</translation>
    </message>
    <message>
        <source>quit; during a session it asks first: stop, answer the &quot;after&quot; check-in and close, or keep practising (what is recorded is always kept)</source>
        <translation>sair; durante uma sessão pergunta primeiro: parar, responder ao registro “depois” e fechar, ou continuar praticando (o que foi gravado fica sempre salvo)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Breathing pacer&lt;/h3&gt; &lt;p&gt;Breathe in while the circle grows and the wave rises; breathe out while it shrinks. Most adults see the largest heart-rate waves somewhere between 4.5 and 6.5 breaths per minute (their &quot;resonance&quot; rate). Change the rate with the arrow keys in steps of {step} ({min}–{max} breaths/min). Breathe gently: slow, not deep.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Guia de respiração&lt;/h3&gt; &lt;p&gt;Inspire enquanto o círculo cresce e a onda sobe; expire enquanto encolhe. A maioria dos adultos vê as maiores ondas da frequência cardíaca entre 4,5 e 6,5 respirações por minuto (o seu ritmo de “ressonância”). Mude o ritmo com as setas, em passos de {step} ({min}–{max} resp/min). Respire com suavidade: devagar, não fundo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Heart rate&lt;/h3&gt; &lt;p&gt;Beats per minute from the last 3 beat-to-beat intervals, so you can see it rise as you breathe in and fall as you breathe out. The tachogram plots every beat; crosses mark beats the software corrected (a likely detection error or, with an ECG, an ectopic beat of the heart).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frequência cardíaca&lt;/h3&gt; &lt;p&gt;Batimentos por minuto a partir dos últimos 3 intervalos entre batimentos, para que a veja subir ao inspirar e descer ao expirar. O tacograma desenha cada batimento; as cruzes marcam os batimentos que o programa corrigiu (um provável erro de detecção ou, com um ECG, um batimento ectópico do coração).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence&lt;/h3&gt; &lt;p&gt;HeartMath&apos;s ratio (McCraty &amp;amp; Childre 2010) over the last {window_s} s: the power of the highest peak between 0.04 and 0.26 Hz divided by the rest of the spectrum. A smooth, regular, wave-like heart rhythm gives a high ratio. This app shows the raw ratio, not HeartMath&apos;s proprietary 0–16 score; values above about 1 mean one rhythm dominates.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coerência&lt;/h3&gt; &lt;p&gt;A razão da HeartMath (McCraty e Childre 2010) nos últimos {window_s} s: a potência do pico mais alto entre 0,04 e 0,26 Hz dividida pelo resto do espectro. Um ritmo cardíaco suave, regular e ondulado dá uma razão alta. Este aplicativo mostra a razão bruta, não a pontuação proprietária 0–16 da HeartMath; valores acima de cerca de 1 indicam que um ritmo domina.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signal quality&lt;/h3&gt; &lt;p&gt;&quot;Finger off&quot;, &quot;no signal&quot; and &quot;saturated&quot; mean the sensor cannot see a clean pulse; numbers stop instead of guessing. If more than {artifact_pct} % of beats needed correction, the numbers are unreliable: sit still, warm your hands, and check the clip.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Qualidade do sinal&lt;/h3&gt; &lt;p&gt;“O dedo não está no sensor”, “sem sinal” e “sinal saturado” significam que o sensor não vê um pulso limpo; os números param em vez de adivinhar. Se mais de {artifact_pct} % dos batimentos precisaram de correção, os números não são confiáveis: fique quieto, aqueça as mãos e verifique a pinça.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Coherence ring&lt;/h3&gt; &lt;p&gt;The coherence number, the ring beside the trends and the level in presentation mode all show one value: the coherence ratio of {window_s} s windows, smoothed over the last {updates} updates (about {smooth_s} s) so it guides rather than jumps. Its level is &lt;b&gt;low&lt;/b&gt; below {low}, &lt;b&gt;medium&lt;/b&gt; from {low} and &lt;b&gt;high&lt;/b&gt; from {high}. So that it does not flicker at a threshold, the level rises only once the value is {hysteresis_pct} % past it, falls only once the value is {hysteresis_pct} % below it, and holds at least {dwell_s} s; the caption under the number says where the current level holds. The ring&apos;s three arcs are the levels; the current one is drawn bold, its name is written inside, and the inner circle grows with the value. It needs {window_s} s of beats before it shows anything, and then changes every {step_s} s, so give it time rather than chasing it. Click the ring (or Enter on it) to show the numbers (the value and the last breath&apos;s HR swing). The thresholds are this app&apos;s choice on the raw ratio, not HeartMath&apos;s score; the coherence trend plots each window&apos;s exact ratio.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Anel de coerência&lt;/h3&gt; &lt;p&gt;O número de coerência, o anel ao lado das tendências e o nível no modo de apresentação mostram um mesmo valor: a razão de coerência de janelas de {window_s} s, suavizada sobre as últimas {updates} atualizações (cerca de {smooth_s} s) para que oriente em vez de pular. O nível é &lt;b&gt;baixo&lt;/b&gt; abaixo de {low}, &lt;b&gt;médio&lt;/b&gt; a partir de {low} e &lt;b&gt;alto&lt;/b&gt; a partir de {high}. Para não piscar num limiar, o nível só sobe quando o valor o ultrapassa em {hysteresis_pct} %, só desce quando fica {hysteresis_pct} % abaixo dele, e mantém-se pelo menos {dwell_s} s; a legenda sob o número diz até onde o nível atual se mantém. Os três arcos do anel são os níveis; o atual é desenhado em negrito, o seu nome está escrito dentro e o círculo interior cresce com o valor. Precisa de {window_s} s de batimentos antes de mostrar algo e depois muda a cada {step_s} s: dê-lhe tempo em vez de o perseguir. Clique no anel (ou pressione Enter nele) para ver os números (o valor e a oscilação da FC da última respiração). Os limiares são uma escolha deste aplicativo sobre a razão bruta, não a pontuação da HeartMath; a tendência da coerência desenha a razão exata de cada janela.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;When data stop&lt;/h3&gt; &lt;p&gt;When no beat has arrived for {stale_s} s (a finger lifted, a cable pulled), after Disconnect, or when a replay ends, every number shows &quot;–&quot;, the ring and the presentation level say &quot;waiting&quot;, and the heart-rate curve says &quot;waiting for beats&quot;. The curve is never drawn across missing data: it breaks where beats were lost.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quando os dados param&lt;/h3&gt; &lt;p&gt;Quando não chega nenhum batimento durante {stale_s} s (um dedo levantado, um cabo solto), depois de Desconectar, ou quando uma reprodução termina, cada número mostra “–”, o anel e o nível de apresentação dizem “aguardando”, e a curva da frequência cardíaca diz que espera batimentos. A curva nunca é desenhada sobre dados faltantes: é interrompida onde batimentos se perderam.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your plan and today&apos;s dose&lt;/h3&gt; &lt;p&gt;Practice → Plan… chooses how long and how often to practise (Lehrer: the resonance assessment, then 2 × 20 min a day for 10 weeks; short daily: 3 × 5 min; or your own). The line above the not-a-medical-device notice shows today&apos;s minutes and sessions against it and the next step. Only practice counts: sessions on a sensor, with the pacer, at least the minimum length; assessments count as minutes. Sessions on the simulated sensor, replays and short ones are kept but not counted. Practice → Weekly review… shows your weeks against the plan, how pain, stress and mood before sessions changed, and your resonance rate; a new assessment is offered after some weeks, never forced. Practice → Getting started… shows the first steps again.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Seu plano e a dose de hoje&lt;/h3&gt; &lt;p&gt;Prática → Plano… escolhe quanto tempo e com que frequência praticar (Lehrer: a avaliação de ressonância e depois 2 × 20 min por dia durante 10 semanas; curto diário: 3 × 5 min; ou o seu próprio). A linha acima do aviso de que não é um dispositivo médico mostra os minutos e sessões de hoje em relação ao plano e o próximo passo. Só conta a prática: sessões com um sensor, com o guia e com pelo menos a duração mínima; as avaliações contam como minutos. As sessões com o sensor simulado, as reproduções e as curtas ficam salvas mas não contam. Prática → Revisão semanal… mostra suas semanas em relação ao plano, como a dor, a tensão e o humor antes das sessões mudaram, e o seu ritmo de ressonância; depois de algumas semanas é proposta uma nova avaliação, nunca imposta. Prática → Primeiros passos… volta a mostrar os primeiros passos.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>artifacts</source>
        <translation>artefatos</translation>
    </message>
    <message>
        <source>check-in before → after</source>
        <translation>registro antes → depois</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <source>The weeks of practice as a PDF for a clinician or coach: plan, adherence, check-ins, heart rhythm, how each number is defined</source>
        <translation>As semanas de prática num PDF para um profissional ou treinador: plano, adesão, registros, ritmo cardíaco e como cada número é definido</translation>
    </message>
    <message>
        <source>Play the session through the live view again</source>
        <translation>Reproduz a sessão de novo na tela ao vivo</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Excluir a sessão</translation>
    </message>
    <message>
        <source>Delete the session of {date} ({name}) with all its beats and raw data? This cannot be undone.</source>
        <translation>Excluir a sessão de {date} ({name}) com todos os batimentos e dados brutos? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>exporting to {file}…</source>
        <translation>exportando para {file}…</translation>
    </message>
    <message>
        <source>writing the progress report to {file}…</source>
        <translation>escrevendo o relatório de progresso em {file}…</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>The window will be in {language} from the next start.</source>
        <translation>A janela estará em {language} a partir da próxima inicialização.</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <source>Next →</source>
        <translation>Próxima →</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>Your plan starts on {date}.</source>
        <translation>Seu plano começa em {date}.</translation>
    </message>
    <message>
        <source>Your plan is complete: review your weeks, then choose what comes next.</source>
        <translation>Seu plano está completo: reveja suas semanas e depois escolha o que vem a seguir.</translation>
    </message>
    <message>
        <source>First, the resonance assessment (about 10 min) finds the breathing rate to practise at.</source>
        <translation>Primeiro, a avaliação de ressonância (cerca de 10 min) encontra o ritmo de respiração em que praticar.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Session not fully saved: {error}</source>
        <translation>A sessão não foi salva por completo: {error}</translation>
    </message>
    <message>
        <source>Sessions are not being saved: {error}</source>
        <translation>As sessões não estão sendo salvas: {error}</translation>
    </message>
    <message>
        <source>Some settings could not be used and are back to their defaults: {problems}. The others are kept. {kept}</source>
        <translation>Algumas configurações não puderam ser usadas e voltaram aos valores padrão: {problems}. As outras foram mantidas. {kept}</translation>
    </message>
    <message>
        <source>The file as it was is kept as {name}.</source>
        <translation>O arquivo como estava foi mantido como {name}.</translation>
    </message>
    <message>
        <source>The file could not be kept aside ({error}); it is written over when the app closes.</source>
        <translation>Não foi possível separar o arquivo ({error}); ele será sobrescrito quando o aplicativo fechar.</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({error}). Default settings are in use. {where}</source>
        <translation>Não foi possível ler seu arquivo de configurações ({error}). As configurações padrão estão em uso. {where}</translation>
    </message>
    <message>
        <source>The unreadable file was kept as {name}.</source>
        <translation>O arquivo ilegível foi mantido como {name}.</translation>
    </message>
    <message>
        <source>The unreadable file could not be moved aside ({error}).</source>
        <translation>Não foi possível separar o arquivo ilegível ({error}).</translation>
    </message>
    <message>
        <source>{part} is not a time of day: write it as HH:MM, such as 08:00 or 18:30.</source>
        <translation>{part} não é um horário: digite-o como HH:MM, por exemplo 08:00 ou 18:30.</translation>
    </message>
    <message>
        <source>{count} reminder times: at most {most} a day.</source>
        <translation>{count} horários de lembrete: no máximo {most} por dia.</translation>
    </message>
    <message>
        <source>Serial ports unavailable: {error}</source>
        <translation>Portas seriais indisponíveis: {error}</translation>
    </message>
    <message>
        <source>Could not list serial ports: {error}</source>
        <translation>Não foi possível listar as portas seriais: {error}</translation>
    </message>
    <message>
        <source>No strap found in {seconds} s: put it on (wet electrodes wake it up) and try again.</source>
        <translation>Nenhuma cinta encontrada em {seconds} s: coloque-a (os eletrodos úmidos a despertam) e tente de novo.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: CH340/CH341 (WCH&apos;s CH341SER), CP210x (Silicon Labs&apos; CP210x VCP driver) or PL2303 (Prolific&apos;s PL2303 driver); FTDI and Arduino boards get theirs from Windows Update or the Arduino IDE. Device Manager shows such a sensor under &apos;Other devices&apos; with a warning sign.</source>
        <translation>Se o sensor está conectado e não aparece nenhuma porta, sua ponte USB-serial pode precisar de um driver: CH340/CH341 (CH341SER da WCH), CP210x (o driver CP210x VCP da Silicon Labs) ou PL2303 (o driver PL2303 da Prolific); as placas FTDI e Arduino obtêm o seu do Windows Update ou do IDE do Arduino. O Gerenciador de Dispositivos mostra esse sensor em “Outros dispositivos” com um sinal de alerta.</translation>
    </message>
    <message>
        <source>If the sensor is plugged in and no port appears, its USB-serial bridge may need a driver: a PL2303 needs Prolific&apos;s PL2303 driver; on macOS before 11 a CH340/CH341 needs WCH&apos;s CH34x driver and a CP210x Silicon Labs&apos; VCP driver. System Information &gt; USB lists the sensor even without one.</source>
        <translation>Se o sensor está conectado e não aparece nenhuma porta, sua ponte USB-serial pode precisar de um driver: um PL2303 precisa do driver PL2303 da Prolific; no macOS anterior ao 11, um CH340/CH341 precisa do driver CH34x da WCH e um CP210x do driver VCP da Silicon Labs. Informações do Sistema &gt; USB mostra o sensor mesmo sem ele.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in the desktop&apos;s Bluetooth settings or with `bluetoothctl power on`.</source>
        <translation>O Bluetooth está desativado. Ative-o nas configurações de Bluetooth da área de trabalho ou com `bluetoothctl power on`.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in System Settings &gt; Bluetooth.</source>
        <translation>O Bluetooth está desativado. Ative-o em Ajustes do Sistema &gt; Bluetooth.</translation>
    </message>
    <message>
        <source>Bluetooth is off. Turn it on in Settings &gt; Bluetooth &amp; devices.</source>
        <translation>O Bluetooth está desativado. Ative-o em Configurações &gt; Bluetooth e dispositivos.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter is available: plug one in, or start the Bluetooth service (BlueZ) with `sudo systemctl start bluetooth`.</source>
        <translation>Não há nenhum adaptador Bluetooth disponível: conecte um, ou inicie o serviço Bluetooth (BlueZ) com `sudo systemctl start bluetooth`.</translation>
    </message>
    <message>
        <source>No Bluetooth adapter was found. Check Settings &gt; Bluetooth &amp; devices, or the adapter&apos;s driver in Device Manager.</source>
        <translation>Nenhum adaptador Bluetooth foi encontrado. Verifique Configurações &gt; Bluetooth e dispositivos, ou o driver do adaptador no Gerenciador de Dispositivos.</translation>
    </message>
    <message>
        <source>Permission to use Bluetooth was denied: add your user to the &apos;bluetooth&apos; group (then log in again), or ask the administrator to allow BlueZ for it.</source>
        <translation>A permissão para usar o Bluetooth foi negada: adicione seu usuário ao grupo &apos;bluetooth&apos; (e faça login de novo), ou peça ao administrador que permita o uso do BlueZ para ele.</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: allow it (or the terminal it runs in) in System Settings &gt; Privacy &amp; Security &gt; Bluetooth, then try again.</source>
        <translation>Este aplicativo não tem permissão para usar o Bluetooth: permita (para ele ou para o terminal em que ele roda) em Ajustes do Sistema &gt; Privacidade e Segurança &gt; Bluetooth e tente de novo.</translation>
    </message>
    <message>
        <source>Windows denied Bluetooth to this app: allow apps to use Bluetooth in Settings &gt; Privacy &amp; security, then try again.</source>
        <translation>O Windows negou o Bluetooth a este aplicativo: permita que os aplicativos usem o Bluetooth em Configurações &gt; Privacidade e segurança e tente de novo.</translation>
    </message>
    <message>
        <source>No permission to open {port}. Close other programs using it, or check the port&apos;s permissions.</source>
        <translation>Sem permissão para abrir {port}. Feche outros programas que a estejam usando ou verifique as permissões da porta.</translation>
    </message>
    <message>
        <source>No permission to open {port} yet: you are in the &apos;{group}&apos; group, but this login started before you were added. Log out and back in (or restart), then try again.</source>
        <translation>Ainda sem permissão para abrir {port}: você está no grupo &apos;{group}&apos;, mas este login começou antes de você ser adicionado. Saia e entre novamente (ou reinicie) e tente de novo.</translation>
    </message>
    <message>
        <source>No permission to open {port}: it belongs to the &apos;{group}&apos; group and you are not in it. Add yourself once with
  sudo usermod -aG {group} $USER
then log out and back in (the group counts from a new login). Or let the logged-in user open sensor ports without it: `biofeedback install-udev` prints the one command.</source>
        <translation>Sem permissão para abrir {port}: ela pertence ao grupo &apos;{group}&apos; e você não está nele. Adicione-se uma vez com
  sudo usermod -aG {group} $USER
e depois saia e entre novamente (o grupo vale a partir de um novo login). Ou deixe o usuário logado abrir as portas de sensores sem ele: `biofeedback install-udev` mostra o único comando necessário.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: ModemManager (pid {pid}) is probing it as if it were a modem, which it does for about 10 s after a board is plugged in. Wait and try again; to stop it for good, install our udev rules (`biofeedback install-udev` prints the command) or, with no modem on this computer, `sudo systemctl disable --now ModemManager`.</source>
        <translation>{port} está sendo usada por outro programa: o ModemManager (pid {pid}) está sondando-a como se fosse um modem, o que ele faz por cerca de 10 s depois que uma placa é conectada. Espere e tente de novo; para impedir isso de vez, instale nossas regras udev (`biofeedback install-udev` mostra o comando) ou, sem modem neste computador, `sudo systemctl disable --now ModemManager`.</translation>
    </message>
    <message>
        <source>{port} is in use by another program: {names}. Close it (e.g. the Arduino serial monitor) and retry.</source>
        <translation>{port} está sendo usada por outro programa: {names}. Feche-o (por ex. o monitor serial do Arduino) e tente de novo.</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry. If you just plugged the sensor in, ModemManager may be probing it for about 10 s: wait and retry, or install our udev rules so it leaves sensors alone (`biofeedback install-udev`).</source>
        <translation>{port} está sendo usada por outro programa. Feche-o (por ex. o monitor serial do Arduino, outra janela do biofeedback) e tente de novo. Se você acabou de conectar o sensor, o ModemManager pode estar sondando-o por cerca de 10 s: espere e tente de novo, ou instale nossas regras udev para que ele deixe os sensores em paz (`biofeedback install-udev`).</translation>
    </message>
    <message>
        <source>{port} is in use by another program. Close it (e.g. the Arduino serial monitor, another biofeedback window) and retry.</source>
        <translation>{port} está sendo usada por outro programa. Feche-o (por ex. o monitor serial do Arduino, outra janela do biofeedback) e tente de novo.</translation>
    </message>
    <message>
        <source>There is no serial port called {port}. Check the name with `biofeedback ports`.</source>
        <translation>Não há nenhuma porta serial chamada {port}. Confira o nome com `biofeedback ports`.</translation>
    </message>
    <message>
        <source>Nothing is listening at {port}.</source>
        <translation>Nada está escutando em {port}.</translation>
    </message>
    <message>
        <source>Opening {port}…</source>
        <translation>Abrindo {port}…</translation>
    </message>
    <message>
        <source>Lost {port}: is the cable plugged in? Retrying…</source>
        <translation>Conexão com {port} perdida: o cabo está conectado? Tentando de novo…</translation>
    </message>
    <message>
        <source>Trying {port} again…</source>
        <translation>Tentando {port} de novo…</translation>
    </message>
    <message>
        <source>A different device ({other}) answered on {port}, not {device}; its data is not used. Waiting for {device}…</source>
        <translation>Um dispositivo diferente ({other}) respondeu em {port}, não {device}; seus dados não são usados. Aguardando {device}…</translation>
    </message>
    <message>
        <source>{name} {value} (true or false expected)</source>
        <translation>{name} {value} (era esperado true ou false)</translation>
    </message>
    <message>
        <source>{name} {value} (a number expected)</source>
        <translation>{name} {value} (era esperado um número)</translation>
    </message>
    <message>
        <source>{name} {value} (text expected)</source>
        <translation>{name} {value} (era esperado texto)</translation>
    </message>
    <message>
        <source>{name} {value} (allowed times of day as HH:MM separated by commas, at most {most})</source>
        <translation>{name} {value} (permitido: horários como HH:MM separados por vírgulas, no máximo {most})</translation>
    </message>
    <message>
        <source>(a number of {digits} digits)</source>
        <translation>(um número de {digits} dígitos)</translation>
    </message>
    <message>
        <source>This session is not being saved: {error}</source>
        <translation>Esta sessão não está sendo salva: {error}</translation>
    </message>
    <message>
        <source>The session store {path} is busy: another program has kept it locked; nothing was lost, try again in a moment.</source>
        <translation>O arquivo de sessões {path} está ocupado: outro programa o mantém bloqueado; nada se perdeu, tente de novo em instantes.</translation>
    </message>
    <message>
        <source>The disk holding the session store {path} is full; free some space and try again.</source>
        <translation>O disco onde está o arquivo de sessões {path} está cheio; libere algum espaço e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} is read-only, so nothing can be saved to it.</source>
        <translation>O arquivo de sessões {path} é somente leitura, por isso nada pode ser salvo nele.</translation>
    </message>
    <message>
        <source>The session store {path} is damaged, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>O arquivo de sessões {path} está danificado, mas outro programa está usando-o, por isso ficou onde estava; feche as outras janelas e gravações do biofeedback e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} is not a biofeedback store, but another program is using it, so it was left in place; close the other biofeedback windows and recorders, then try again.</source>
        <translation>O arquivo de sessões {path} não é um arquivo do biofeedback, mas outro programa está usando-o, por isso ficou onde estava; feche as outras janelas e gravações do biofeedback e tente de novo.</translation>
    </message>
    <message>
        <source>The session store {path} was damaged; it was kept as {name} and a fresh store was started.</source>
        <translation>O arquivo de sessões {path} estava danificado; foi mantido como {name} e um novo foi iniciado.</translation>
    </message>
    <message>
        <source>The session store {path} was not a biofeedback store; it was kept as {name} and a fresh store was started.</source>
        <translation>O arquivo de sessões {path} não era um arquivo do biofeedback; foi mantido como {name} e um novo foi iniciado.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only and holds no sessions yet; set BIOFEEDBACK_DATA_DIR to a writable folder to save sessions.</source>
        <translation>A pasta do arquivo de sessões {folder} é somente leitura e ainda não tem sessões; defina BIOFEEDBACK_DATA_DIR como uma pasta onde se possa escrever para salvar sessões.</translation>
    </message>
    <message>
        <source>The session store folder {folder} is read-only: your history can be read, but new sessions cannot be saved there.</source>
        <translation>A pasta do arquivo de sessões {folder} é somente leitura: seu histórico pode ser lido, mas novas sessões não podem ser salvas nela.</translation>
    </message>
    <message>
        <source>Cannot save to the session store {path}: its folder is read-only; set BIOFEEDBACK_DATA_DIR to a writable folder.</source>
        <translation>Não é possível salvar no arquivo de sessões {path}: sua pasta é somente leitura; defina BIOFEEDBACK_DATA_DIR como uma pasta onde se possa escrever.</translation>
    </message>
    <message>
        <source>The session store {path} was written by a newer version of biofeedback (schema {version}; this version reads up to {supported}). Nothing was changed: update biofeedback, or set BIOFEEDBACK_DATA_DIR to use another folder.</source>
        <translation>O arquivo de sessões {path} foi escrito por uma versão mais recente do biofeedback (esquema {version}; esta versão lê até o {supported}). Nada foi alterado: atualize o biofeedback ou defina BIOFEEDBACK_DATA_DIR para usar outra pasta.</translation>
    </message>
    <message>
        <source>not saving: {reason}</source>
        <translation>sem salvar ({reason})</translation>
    </message>
    <message>
        <source>the store is read-only</source>
        <translation>o arquivo é somente leitura</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>Today: reading your sessions…</source>
        <translation>Hoje: lendo suas sessões…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>The protocol behind most of the evidence (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</source>
        <translation>O protocolo por trás da maior parte das evidências (Lehrer et al. 2000; Lehrer &amp; Gevirtz 2014).</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>collecting beats…</source>
        <translation>coletando batimentos…</translation>
    </message>
    <message>
        <source>— waiting for beats</source>
        <translation>— aguardando batimentos</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n short, simulated, replayed or unpaced session(s) (under {minutes} min, or without a pacer) kept but not counted.</source>
        <translation>
            <numerusform>%n sessão curta, simulada, reproduzida ou sem guia (menos de {minutes} min, ou sem guia) salva mas não contada.</numerusform>
            <numerusform>%n sessões curtas, simuladas, reproduzidas ou sem guia (menos de {minutes} min, ou sem guia) salvas mas não contadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>not stored for older sessions (the progress report has it)</source>
        <translation>não salva nas sessões antigas (o relatório de progresso a mostra)</translation>
    </message>
    <message>
        <source>{before} before &amp;nbsp; {after} after the session &amp;nbsp;·&amp;nbsp; check-ins 0–10</source>
        <translation>{before} antes &amp;nbsp; {after} depois da sessão &amp;nbsp;·&amp;nbsp; registros 0–10</translation>
    </message>
    <message>
        <source>no streak running</source>
        <translation>sem sequência em andamento</translation>
    </message>
    <message>
        <source>(longest {days})</source>
        <translation>(a sequência mais longa: {days})</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>Sessions shorter than {minutes} min, on the simulated sensor, replays and recordings without a breathing pacer are kept but not counted.</source>
        <translation>As sessões com menos de {minutes} min, com o sensor simulado, as reproduções e as gravações sem guia de respiração ficam salvas mas não contam.</translation>
    </message>
    <message>
        <source>(red: the plan&apos;s target)</source>
        <translation>(em vermelho: a meta do plano)</translation>
    </message>
    <message>
        <source>Check-ins and heart rhythm</source>
        <translation>Registros e ritmo cardíaco</translation>
    </message>
    <message>
        <source>Left out (kept, not counted): {reasons}.</source>
        <translation>De fora (salvas, não contadas): {reasons}.</translation>
    </message>
    <message>
        <source>These are descriptions of practice, not measures of health: the check-ins are what the person answered, and heart-rhythm figures vary with posture, breathing, sleep and the sensor.</source>
        <translation>Isto descreve a prática, não mede a saúde: os registros são o que a pessoa respondeu, e os números do ritmo cardíaco variam com a postura, a respiração, o sono e o sensor.</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>A short session ({length}, under the {min_minutes}-minute minimum in the settings): it is kept in your history, but not compared with your other sessions nor counted in your weekly progress.</source>
        <translation>Uma sessão curta ({length}, abaixo do mínimo de {min_minutes} minutos das configurações): fica no seu histórico, mas não é comparada com as suas outras sessões nem conta para o seu progresso semanal.</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath more than in most of your earlier {peers}</source>
        <translation>Sua frequência cardíaca subiu e desceu com a respiração mais do que na maioria das suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath less than in most of your earlier {peers}</source>
        <translation>Sua frequência cardíaca subiu e desceu com a respiração menos do que na maioria das suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as usual for you</source>
        <translation>Sua frequência cardíaca subiu e desceu com a respiração mais ou menos como costuma</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell with your breath about as much as in your earlier {peers}</source>
        <translation>Sua frequência cardíaca subiu e desceu com a respiração mais ou menos como nas suas {peers} anteriores</translation>
    </message>
    <message>
        <source>Your heart rate rose and fell by about {bpm} bpm with each breath</source>
        <translation>Sua frequência cardíaca subiu e desceu cerca de {bpm} bpm com cada respiração</translation>
    </message>
    <message>
        <source>your check-in answers were the same before and after</source>
        <translation>suas respostas ao registro foram as mesmas antes e depois</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Reminders appear as desktop notifications from the system tray while biofeedback is open (it can sit minimised).</source>
        <translation>Os lembretes aparecem como notificações da área de trabalho a partir da área de notificação enquanto o biofeedback está aberto (pode estar minimizado).</translation>
    </message>
    <message>
        <source>this desktop</source>
        <translation>esta área de trabalho</translation>
    </message>
    <message>
        <source>This desktop has no system tray (Qt platform &apos;{platform}&apos;), so reminders appear in this window&apos;s status line while biofeedback is open.</source>
        <translation>Esta área de trabalho não tem área de notificação (plataforma Qt &apos;{platform}&apos;), por isso os lembretes aparecem na barra de status desta janela enquanto o biofeedback está aberto.</translation>
    </message>
    <message>
        <source>No streak yet: today can be day 1</source>
        <translation>Ainda sem sequência: hoje pode ser o dia 1</translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation>Desativar os lembretes</translation>
    </message>
    <message>
        <source>Reminder snoozed until {time}.</source>
        <translation>Lembrete adiado até as {time}.</translation>
    </message>
    <message>
        <source>No more reminders today; they come back tomorrow as set.</source>
        <translation>Nenhum outro lembrete hoje; eles voltam amanhã conforme configurado.</translation>
    </message>
    <message>
        <source>Reminder times</source>
        <translation>Horários dos lembretes</translation>
    </message>
    <message>
        <source>Each time reminds once; none comes once today&apos;s practice is done, and none more than an hour late.</source>
        <translation>Cada horário lembra uma vez; nenhum chega quando a prática de hoje já está feita, nem nenhum com mais de uma hora de atraso.</translation>
    </message>
    <message>
        <source>&amp;Times (HH:MM, commas)</source>
        <translation>&amp;Horários (HH:MM, separados por vírgulas)</translation>
    </message>
    <message>
        <source>&amp;Snooze for</source>
        <translation>&amp;Adiar por</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Corrected (artifacts)</source>
        <translation>Corrigidos (artefatos)</translation>
    </message>
    <message>
        <source>Check-in (0–10)</source>
        <translation>Registro (0–10)</translation>
    </message>
    <message>
        <source>No check-in was made for this session.</source>
        <translation>Não foi feito nenhum registro nesta sessão.</translation>
    </message>
    <message>
        <source>Spectrum of heart-rate variability (Welch)</source>
        <translation>Espectro da variabilidade da frequência cardíaca (Welch)</translation>
    </message>
    <message>
        <source>The session is too short for a spectrum.</source>
        <translation>A sessão é curta demais para um espectro.</translation>
    </message>
</context>
<context>
    <name>ResonanceWizard</name>
    <message>
        <source>You will breathe with the pacer at {rates} breaths per minute, one block each. Sit comfortably, keep the sensor still and breathe gently: not deeper than feels easy.</source>
        <translation>Vai respirar com o guia a {rates} respirações por minuto, um bloco para cada ritmo. Sente-se confortavelmente, mantenha o sensor quieto e respire com suavidade: não mais fundo do que for fácil para você.</translation>
    </message>
    <message>
        <source>Afterwards the rates are compared by how strongly and smoothly your heart rate rises and falls with each breath (Lehrer, Vaschillo &amp; Vaschillo 2000). The rate that wins most criteria is suggested as your training rate. A retest on another day is wise.</source>
        <translation>Depois os ritmos são comparados pela força e suavidade com que a sua frequência cardíaca sobe e desce a cada respiração (Lehrer, Vaschillo e Vaschillo 2000). O ritmo que ganha mais critérios é sugerido como o seu ritmo de treino. É sensato repetir o teste em outro dia.</translation>
    </message>
    <message>
        <source>The result could not be kept in your history ({error}).</source>
        <translation>Não foi possível salvar o resultado no seu histórico ({error}).</translation>
    </message>
    <message>
        <source>Saved: your training rate is now {rate} breaths/min.</source>
        <translation>Salvo: seu ritmo de treino agora é {rate} resp/min.</translation>
    </message>
</context>
<context>
    <name>SensorCheck</name>
    <message>
        <source>Use the pad of your index or middle finger, warm, resting on a table. Cover the light fully and press lightly: pressing hard flattens the pulse. Keep the hand still and at heart height; a clip should hold without leaving a mark.</source>
        <translation>Use a ponta do dedo indicador ou do médio, quente, apoiada numa mesa. Cubra a luz por completo e pressione levemente: pressionar com força achata o pulso. Mantenha a mão quieta e à altura do coração; um clipe deve segurar sem deixar marca.</translation>
    </message>
    <message>
        <source>Ear clip</source>
        <translation>Clipe de orelha</translation>
    </message>
    <message>
        <source>Clip it to the soft lobe, not the cartilage, with the light on the fleshy part. Rub the lobe for a few seconds first to warm it. Let the cable hang free, or clip it to your collar, so it does not tug when you move your head.</source>
        <translation>Prenda-o no lóbulo mole, não à cartilagem, com a luz na parte carnuda. Esfregue antes o lóbulo alguns segundos para o aquecer. Deixe o cabo pendurado livre, ou prenda-o na gola, para que não puxe quando mexe a cabeça.</translation>
    </message>
    <message>
        <source>Chest strap</source>
        <translation>Cinta peitoral</translation>
    </message>
    <message>
        <source>Wet the electrodes (water or a little gel), then wear the strap just below the chest muscles, snug but comfortable, with the sensor in the middle. The first minute after putting it on can be uneven until the skin contact settles; dry skin or a loose strap gives missed beats.</source>
        <translation>Umedeça os eletrodos (água ou um pouco de gel) e coloque a cinta logo abaixo dos peitorais, justa mas confortável, com o sensor ao centro. O primeiro minuto depois de a colocar pode ser irregular até o contato com a pele estabilizar; pele seca ou uma cinta larga fazem perder batimentos.</translation>
    </message>
    <message>
        <source>No pulse yet: check the sensor is on and plugged in, and keep still for a few seconds.</source>
        <translation>Ainda sem pulso: verifique se o sensor está colocado e conectado, e fique quieto alguns segundos.</translation>
    </message>
    <message>
        <source>The sensor does not feel a finger or an ear: put it on, covering the light.</source>
        <translation>O sensor não detecta um dedo nem uma orelha: coloque-o a cobrir a luz.</translation>
    </message>
    <message>
        <source>The signal is clipped: loosen the clip or strap a little, or move it out of bright light.</source>
        <translation>O sinal está saturado: alivie um pouco o clipe ou a cinta, ou afaste-a da luz forte.</translation>
    </message>
    <message>
        <source>Beats arrive but the cable or radio link loses data: check the cable or move closer.</source>
        <translation>Chegam batimentos mas o cabo ou a conexão sem fio perde dados: verifique o cabo ou aproxime-se.</translation>
    </message>
    <message>
        <source>Finding your pulse: {n} beats in the last {window} s. Keep still.</source>
        <translation>Procurando seu pulso: {n} batimentos nos últimos {window} s. Fique quieto.</translation>
    </message>
    <message>
        <source>Connect your sensor (Source, then Connect) and put it on: the pulse appears here with each beat marked as it is found.</source>
        <translation>Conecte seu sensor (Fonte e depois Conectar) e coloque-o: o pulso aparece aqui com cada batimento marcado à medida que é encontrado.</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Serial sensor</source>
        <translation>Sensor serial</translation>
    </message>
    <message>
        <source>Replay a file</source>
        <translation>Reproduzir um arquivo</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Porta serial</translation>
    </message>
    <message>
        <source>Refresh the serial ports</source>
        <translation>Atualizar as portas seriais</translation>
    </message>
    <message>
        <source>Serial protocol</source>
        <translation>Protocolo serial</translation>
    </message>
    <message>
        <source>Simulated artifacts</source>
        <translation>Artefatos simulados</translation>
    </message>
    <message>
        <source>File to replay</source>
        <translation>Arquivo a reproduzir</translation>
    </message>
    <message>
        <source>Browse for a file to replay</source>
        <translation>Procurar um arquivo para reproduzir</translation>
    </message>
    <message>
        <source>Connect or disconnect</source>
        <translation>Conectar ou desconectar</translation>
    </message>
    <message>
        <source>Pick a port, or type a path or a pyserial URL such as socket://localhost:7000</source>
        <translation>Escolha uma porta, ou digite um caminho ou um URL do pyserial como socket://localhost:7000</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefatos</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Procurando…</translation>
    </message>
    <message>
        <source>Sensor not found at {port}: plug it in and press Refresh, or pick or type another port.</source>
        <translation>Sensor não encontrado em {port}: conecte-o e clique em Atualizar, ou escolha ou digite outra porta.</translation>
    </message>
    <message>
        <source>no serial ports found</source>
        <translation>nenhuma porta serial encontrada</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Disconnect first to change the source.</source>
        <translation>Desconecte primeiro para mudar a fonte.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sem conexão</translation>
    </message>
    <message>
        <source>good signal, but the link loses data</source>
        <translation>bom sinal, mas a conexão perde dados</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexão</translation>
    </message>
    <message>
        <source> — too many, numbers unreliable</source>
        <translation> — demais, números pouco confiáveis</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The session held no data and was not kept.</source>
        <translation>A sessão não tinha dados e não foi salva.</translation>
    </message>
    <message>
        <source>Session saving again.</source>
        <translation>A sessão voltou a ser salva.</translation>
    </message>
    <message>
        <source>Session saved — see History ({keys}).</source>
        <translation>Sessão salva: veja no histórico ({keys}).</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>Check-in</source>
        <translation>Registro</translation>
    </message>
</context>
<context>
    <name>WeeklyReview</name>
    <message>
        <source>No check-ins answered before sessions yet.</source>
        <translation>Ainda não há registros respondidos antes das sessões.</translation>
    </message>
    <message>
        <source>No resonance assessment yet: it finds the breathing rate at which your heart rate swings most (about {minutes} minutes).</source>
        <translation>Ainda não há avaliação de ressonância: encontra o ritmo de respiração em que sua frequência cardíaca mais oscila (cerca de {minutes} minutos).</translation>
    </message>
    <message>
        <source>The rate can shift with practice: a new assessment is offered, whenever suits you (nothing changes if you skip it).</source>
        <translation>O ritmo pode mudar com a prática: é proposta uma nova avaliação, quando for conveniente para você (nada muda se não a fizer).</translation>
    </message>
    <message>
        <source>Weeks against the plan</source>
        <translation>Semanas em relação ao plano</translation>
    </message>
    <message>
        <source>Check-ins before sessions</source>
        <translation>Registros antes das sessões</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>How long the next session lasts; open-ended runs until you stop it</source>
        <translation>Quanto dura a próxima sessão; sem limite continua até você parar</translation>
    </message>
    <message>
        <source>Up and Down arrow keys change it</source>
        <translation>As setas para cima e para baixo o alteram</translation>
    </message>
    <message>
        <source>Share of each breath spent breathing in</source>
        <translation>Parte de cada respiração gasta inspirando</translation>
    </message>
    <message>
        <source>A pause at the top of each breath</source>
        <translation>Uma pausa no topo de cada respiração</translation>
    </message>
    <message>
        <source>Screen for presentation mode</source>
        <translation>Tela do modo de apresentação</translation>
    </message>
    <message>
        <source>Large views for a second screen; F11, Escape leaves it</source>
        <translation>Visualizações grandes para uma segunda tela; F11, Esc para sair</translation>
    </message>
    <message>
        <source>Screen used by presentation mode</source>
        <translation>Tela usada pelo modo de apresentação</translation>
    </message>
    <message>
        <source>Screen {number}: {name}</source>
        <translation>Tela {number}: {name}</translation>
    </message>
    <message>
        <source>Screen {number}</source>
        <translation>Tela {number}</translation>
    </message>
    <message>
        <source>Presentation mode: large, for a coach&apos;s screen; Esc leaves it</source>
        <translation>Modo de apresentação: grande, para a tela de um treinador; Esc para sair</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Números ao vivo</translation>
    </message>
    <message>
        <source>waiting for data</source>
        <translation>aguardando dados</translation>
    </message>
    <message>
        <source>pulse arriving</source>
        <translation>pulso chegando</translation>
    </message>
    <message>
        <source>ECG arriving</source>
        <translation>ECG chegando</translation>
    </message>
    <message>
        <source>Adaptive pacing: start at my breathing, glide to my rate</source>
        <translation>Guia adaptativo: começa na minha respiração e desliza até o meu ritmo</translation>
    </message>
    <message>
        <source>No session without a source: connect a sensor (or the simulated one) first.</source>
        <translation>Não há sessão sem uma fonte: conecte um sensor primeiro (ou o simulado).</translation>
    </message>
    <message>
        <source>Marker “{label}” set at {clock}.</source>
        <translation>Marca “{label}” colocada aos {clock}.</translation>
    </message>
    <message>
        <source>Marker “{label}” set.</source>
        <translation>Marca “{label}” colocada.</translation>
    </message>
    <message>
        <source>Screen {n}</source>
        <translation>Tela {n}</translation>
    </message>
    <message>
        <source>The client view is on {screen}; F11 or Esc closes it.</source>
        <translation>A tela do cliente está em {screen}; F11 ou Esc a fecha.</translation>
    </message>
    <message>
        <source>the other screen</source>
        <translation>a outra tela</translation>
    </message>
    <message>
        <source>(click to read it whole)</source>
        <translation>(clique para ler por inteiro)</translation>
    </message>
</context>
<context>
    <name>WizardResult</name>
    <message>
        <source>those waves gathered most at your breathing rate</source>
        <translation>essas ondas se concentraram mais no seu ritmo de respiração</translation>
    </message>
    <message>
        <source>HR peak vs end of inhale</source>
        <translation>Pico da FC em relação ao fim da inspiração</translation>
    </message>
    <message>
        <source>Save as my training rate</source>
        <translation>Salvar como meu ritmo de treino</translation>
    </message>
    <message>
        <source>Heart rate during each block (scored part; x = artifact, bridged):</source>
        <translation>Frequência cardíaca em cada bloco (parte pontuada; x = artefato, preenchido):</translation>
    </message>
    <message>
        <source>Why: {reasons}. Details per rate are in the table. Try again sitting still and breathing with the pacer.</source>
        <translation>Porquê: {reasons}. Os detalhes de cada ritmo estão na tabela. Tente de novo sentado e quieto, respirando com o guia.</translation>
    </message>
    <message>
        <source>Nothing to save: no rate could be determined. Retest instead.</source>
        <translation>Nada para salvar: não foi possível determinar nenhum ritmo. Repita o teste primeiro.</translation>
    </message>
    <message>
        <source>At {rate} breaths per minute {reasons}: that is the rate to practise at. This is {sure}. {note} A retest on another day is wise. (The rates were compared by the criteria of Lehrer, Vaschillo &amp; Vaschillo 2000; the numbers are behind the button below.)</source>
        <translation>A {rate} respirações por minuto {reasons}: é esse o ritmo para praticar. É {sure}. {note} É sensato repetir o teste em outro dia. (Os ritmos foram comparados pelos critérios de Lehrer, Vaschillo e Vaschillo 2000; os números estão por trás do botão abaixo.)</translation>
    </message>
</context>
</TS>
