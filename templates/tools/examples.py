#!/usr/bin/env python3
"""Writes the worked examples of every method as native Mapwork maps, in English and Spanish.

Each example is written once here with both languages side by side (T(english, spanish)), so the Spanish map is
the same map with translated labels. Positions written here are a rough start: ExampleLayoutsTest (run with
-Dmapwork.relayoutExamples=true) applies each method's own auto-layout and writes the files back; the rich picture
keeps the hand placement below. Run from the repository root:  python3 templates/tools/examples.py
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'org', 'mapwork', 'templates')
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
CREATED = "2026-01-10T09:00:00Z"


class T:
    def __init__(self, en, es):
        self.en, self.es = en, es


def tr(v, lang):
    if isinstance(v, T):
        return v.en if lang == 'en' else v.es
    if isinstance(v, dict):
        return {k: tr(x, lang) for k, x in v.items()}
    if isinstance(v, list):
        return [tr(x, lang) for x in v]
    return v


class Map:
    def __init__(self, method, title, folder):
        self.method, self.title, self.folder = method, title, folder
        self.attributes = {}
        self.elements = []

    def key(self):
        i = len(self.elements)
        return DIGITS[1 + i // 61] + DIGITS[1 + i % 61]

    def node(self, id, type, label, x=0, y=0, w=200, h=64, **attrs):
        self.elements.append(dict(id=id, kind='node', type=type, label=label, order=self.key(),
                                  geometry=dict(x=x, y=y, width=w, height=h), attributes=attrs))

    def link(self, id, type, source, target, **attrs):
        self.elements.append(dict(id=id, kind='link', type=type, source=source, target=target, order=self.key(),
                                  attributes=attrs))

    def annotation(self, id, type, label, geometry, **attrs):
        self.elements.append(dict(id=id, kind='annotation', type=type, label=label, order=self.key(),
                                  geometry=geometry, attributes=attrs))

    def write(self):
        for lang in ('en', 'es'):
            attrs = dict(tr(self.attributes, lang))
            attrs['language'] = lang
            doc = {'format': 'mapwork', 'version': 1, 'id': 'example-' + self.method + '-' + lang,
                   'title': tr(self.title, lang), 'method': self.method, 'created': CREATED,
                   'attributes': attrs, 'elements': []}
            for e in self.elements:
                e = tr(e, lang)
                e = {k: v for k, v in e.items() if not (k == 'attributes' and not v)}
                doc['elements'].append(e)
            path = os.path.join(OUT, self.folder, 'example_' + lang + '.mapwork.json')
            with open(path, 'w', encoding='utf-8') as f:
                json.dump(doc, f, ensure_ascii=False, indent=2)
                f.write('\n')


def rows(*rs):
    return list(rs)


# ---------------------------------------------------------------- Net-Map: paid sick leave ordinance
QUESTION = T("Who can influence whether the city passes and enforces a paid sick leave ordinance that covers temp and gig workers?",
             "¿Quién puede influir en que la ciudad apruebe y haga cumplir una ordenanza de licencia por enfermedad pagada que cubra a trabajadores temporales y de plataformas?")
GOALS = [
    dict(id='pass', label=T("Pass a paid sick leave ordinance that covers temp and gig workers", "Aprobar una ordenanza de licencia por enfermedad pagada que cubra a temporales y trabajadores de plataformas"), stance='for'),
    dict(id='enforce', label=T("Strong enforcement with a complaint line", "Cumplimiento firme con una línea de denuncias"), stance='for'),
    dict(id='block', label=T("Block or delay the ordinance", "Bloquear o retrasar la ordenanza"), stance='against'),
    dict(id='exempt', label=T("Exempt staffing agencies, app companies and small businesses", "Exentar a agencias de empleo temporal, empresas de aplicaciones y pequeños negocios"), stance='against'),
    dict(id='budget', label=T("Keep city enforcement costs down", "Contener los costos municipales de fiscalización"), stance='neutral'),
]
ACTORS = [
    # id, label, type, goals, influence, source, extra
    ('worker-center', T("Eastside Worker Center", "Centro de Trabajadores del Este"), 'worker-center', ['pass', 'enforce'], 4,
     T("Organised members; workers' testimony", "Miembros organizados; testimonios de trabajadores"), dict(ourOrganisation=True,
     quotes=T("\"Half our members went to work sick last winter because a missed shift means no next assignment.\"",
              "\"La mitad de nuestros miembros fue a trabajar enfermo el invierno pasado porque faltar un turno significa no tener la siguiente asignación.\""))),
    ('day-labor', T("Day Laborer Network", "Red de Jornaleros"), 'worker-center', ['pass'], 2, T("Reach at pick-up corners", "Presencia en las esquinas de contratación"), {}),
    ('union', T("Service Workers Union Local", "Sindicato Local de Trabajadores de Servicios"), 'labor-union', ['pass', 'enforce'], 5,
     T("Members who vote; campaign money", "Afiliados que votan; dinero de campaña"), {}),
    ('health-dept', T("County Public Health Department", "Departamento de Salud Pública del Condado"), 'public-health', ['pass'], 5,
     T("Outbreak data; the Health Officer's credibility", "Datos de brotes; credibilidad de la autoridad sanitaria"),
     dict(notes=T("Flu and norovirus outbreak investigations traced to food workers who could not afford to stay home.",
                  "Investigaciones de brotes de gripe y norovirus rastreados a trabajadores de alimentos que no podían quedarse en casa."))),
    ('restaurant-assoc', T("Restaurant Association", "Asociación de Restaurantes"), 'employer', ['block', 'exempt'], 6,
     T("Lobbyist at city hall; many small members", "Cabildero en el ayuntamiento; muchos socios pequeños"), {}),
    ('staffing-assoc', T("Staffing Industry Association", "Asociación de Agencias de Empleo Temporal"), 'employer', ['exempt'], 5,
     T("Placement of thousands of temps", "Colocación de miles de trabajadores temporales"), {}),
    ('chamber', T("Chamber of Commerce", "Cámara de Comercio"), 'employer', ['block'], 7, T("Business network; campaign donors", "Red empresarial; donantes de campaña"), {}),
    ('app-companies', T("Delivery app companies", "Empresas de aplicaciones de reparto"), 'employer', ['block', 'exempt'], 6,
     T("Money for lobbying and ads", "Dinero para cabildeo y publicidad"), {}),
    ('cm-garcia', T("Council Member Garcia (sponsor)", "Concejala García (patrocinadora)"), 'elected-official', ['pass', 'enforce'], 6,
     T("Sponsors the bill; chairs the health committee", "Patrocina el proyecto; preside la comisión de salud"), {}),
    ('cm-lee', T("Council Member Lee (swing vote)", "Concejal Lee (voto indeciso)"), 'elected-official', [], 5,
     T("Deciding vote", "Voto decisivo"), dict(goalUnknown=True, notes=T("Has not said where he stands; listens to nurses and the newspaper.",
     "No ha dicho qué postura tiene; escucha a las enfermeras y al periódico."))),
    ('cm-hart', T("Council Member Hart", "Concejal Hart"), 'elected-official', ['exempt'], 5, T("Vote; close to business donors", "Voto; cercano a donantes empresariales"), {}),
    ('mayor', T("Mayor's Office", "Oficina del Alcalde"), 'government', ['budget'], 8, T("Signs or vetoes; sets the budget", "Firma o veta; fija el presupuesto"), {}),
    ('labor-standards', T("Office of Labor Standards", "Oficina de Normas Laborales"), 'government', ['enforce'], 4,
     T("Investigates complaints", "Investiga denuncias"), {}),
    ('legal-aid', T("Workers' Rights Legal Aid", "Asistencia Legal por los Derechos Laborales"), 'legal-aid', ['enforce'], 2,
     T("Legal expertise; wage claims", "Conocimiento jurídico; reclamos salariales"), {}),
    ('clinic', T("Community Health Clinic", "Clínica Comunitaria de Salud"), 'healthcare', ['pass'], 2, T("Sees sick workers every day", "Atiende a trabajadores enfermos a diario"), {}),
    ('nurses', T("Nurses' Association", "Asociación de Enfermeras"), 'healthcare', ['pass'], 3, T("Trusted voice on health", "Voz confiable en salud"), {}),
    ('university', T("University Labor Research Center", "Centro Universitario de Investigación Laboral"), 'academic', ['pass'], 2,
     T("Survey data on temp work", "Datos de encuestas sobre trabajo temporal"), {}),
    ('faith', T("Interfaith Coalition", "Coalición Interreligiosa"), 'community-group', ['pass'], 2, T("Congregations; moral voice", "Congregaciones; voz moral"), {}),
    ('newspaper', T("City Daily newspaper", "Diario de la Ciudad"), 'media', [], 4, T("Sets the public story", "Marca el relato público"), dict(goalUnknown=True)),
    ('foundation', T("Community Health Foundation", "Fundación para la Salud Comunitaria"), 'funder', ['pass'], 3, T("Grants", "Subvenciones"), {}),
    ('workforce-board', T("Workforce Development Board", "Junta de Desarrollo Laboral"), 'workforce-development', ['budget'], 3,
     T("Runs job programmes with staffing agencies", "Gestiona programas de empleo con agencias"), {}),
]
NET_LINKS = [
    ('formal-authority', 'mayor', 'labor-standards'), ('formal-authority', 'labor-standards', 'staffing-assoc'),
    ('formal-authority', 'labor-standards', 'restaurant-assoc'), ('formal-authority', 'mayor', 'workforce-board'),
    ('funding', 'foundation', 'worker-center'), ('funding', 'foundation', 'clinic'), ('funding', 'foundation', 'university'),
    ('funding', 'chamber', 'cm-hart'), ('funding', 'app-companies', 'cm-hart'), ('funding', 'union', 'cm-garcia'),
    ('funding', 'mayor', 'labor-standards'),
    ('information', 'health-dept', 'cm-garcia'), ('information', 'health-dept', 'cm-lee'), ('information', 'university', 'health-dept'),
    ('information', 'worker-center', 'health-dept'), ('information', 'worker-center', 'newspaper'), ('information', 'clinic', 'health-dept'),
    ('information', 'newspaper', 'cm-lee'), ('information', 'legal-aid', 'labor-standards'), ('information', 'day-labor', 'worker-center'),
    ('information', 'staffing-assoc', 'mayor'),
    ('advice', 'legal-aid', 'worker-center'), ('advice', 'university', 'cm-garcia'), ('advice', 'chamber', 'mayor'),
    ('advice', 'restaurant-assoc', 'cm-hart'), ('advice', 'nurses', 'cm-lee'), ('advice', 'workforce-board', 'mayor'),
    ('conflict', 'worker-center', 'restaurant-assoc'), ('conflict', 'worker-center', 'staffing-assoc'), ('conflict', 'union', 'app-companies'),
    ('conflict', 'cm-garcia', 'cm-hart'),
    ('partnership', 'worker-center', 'union'), ('partnership', 'worker-center', 'day-labor'), ('partnership', 'worker-center', 'legal-aid'),
    ('partnership', 'worker-center', 'faith'), ('partnership', 'union', 'nurses'), ('partnership', 'clinic', 'worker-center'),
    ('partnership', 'restaurant-assoc', 'chamber'), ('partnership', 'staffing-assoc', 'chamber'), ('partnership', 'app-companies', 'chamber'),
]
LINK_TYPES = [
    ('formal-authority', T("Formal authority", "Autoridad formal"), '#0072B2', True),
    ('funding', T("Funding", "Financiamiento"), '#009E73', True),
    ('information', T("Information", "Información"), '#56B4E9', True),
    ('advice', T("Advice / support", "Asesoría / apoyo"), '#CC79A7', True),
    ('conflict', T("Conflict", "Conflicto"), '#D55E00', False),
    ('partnership', T("Partnership", "Alianza"), '#E69F00', False),
]


def net_map():
    m = Map('net-map', T("Paid sick leave ordinance: power map", "Ordenanza de licencia por enfermedad pagada: mapa de poder"), 'netmap')
    m.attributes = dict(framingQuestion=QUESTION, goals=GOALS,
                        linkTypes=[dict(id=i, label=l, colour=c, directed=d) for i, l, c, d in LINK_TYPES])
    for k, (id, label, type, goals, infl, source, extra) in enumerate(ACTORS):
        attrs = dict(actorType=type, influence=infl, influenceSource=source)
        if goals:
            attrs['goals'] = goals
        attrs.update(extra)
        m.node(id, 'actor', label, x=(k % 6) * 220, y=100 + (k // 6) * 140, w=120, h=50, **attrs)
    for k, (type, s, t) in enumerate(NET_LINKS):
        m.link('l-%02d' % (k + 1), type, s, t)
    m.write()


def power_interest():
    m = Map('power-interest', T("Paid sick leave ordinance: power/interest grid", "Ordenanza de licencia por enfermedad pagada: matriz poder/interés"), 'powerinterest')
    m.attributes = dict(framingQuestion=QUESTION, goals=GOALS, xAxis='interest')
    interest = {'worker-center': 10, 'day-labor': 9, 'union': 8, 'health-dept': 7, 'restaurant-assoc': 9, 'staffing-assoc': 8,
                'chamber': 6, 'app-companies': 7, 'cm-garcia': 9, 'cm-lee': 4, 'cm-hart': 6, 'mayor': 5, 'labor-standards': 6,
                'legal-aid': 7, 'clinic': 6, 'nurses': 5, 'university': 4, 'faith': 6, 'newspaper': 3, 'foundation': 4,
                'workforce-board': 2}
    for k, (id, label, type, goals, infl, source, extra) in enumerate(ACTORS):
        attrs = dict(actorType=type, influence=infl, influenceSource=source, interest=interest[id])
        if goals:
            attrs['goals'] = goals
        attrs.update(extra)
        m.node(id, 'actor', label, x=k * 10, y=k * 10, w=140, h=50, **attrs)
    m.write()


# ---------------------------------------------------------------- Theory of change: wage theft among temps
LTO_LABEL = T("Wage theft against temporary workers in the county falls by half", "El robo de salarios a trabajadores temporales en el condado se reduce a la mitad")


def ind(measure, population, target, threshold, by):
    return dict(measure=measure, population=population, target=target, threshold=threshold, byWhen=by)


TEMPS = T("Temp workers in warehouses, cleaning and food processing", "Trabajadores temporales en almacenes, limpieza y procesamiento de alimentos")
INTERVENTION_LABELS = {
    'i-workshops': T("Know-your-rights workshops at pick-up points and agency lobbies", "Talleres de derechos laborales en puntos de recogida y oficinas de agencias"),
    'i-hours-card': T("Hours-and-pay tracking card (paper and WhatsApp)", "Tarjeta para registrar horas y pagos (papel y WhatsApp)"),
    'i-accompany': T("Worker center accompanies workers filing wage claims", "El centro de trabajadores acompaña a quienes presentan reclamos salariales"),
    'i-campaign': T("Joint-liability ordinance campaign", "Campaña por una ordenanza de responsabilidad solidaria"),
    'i-survey': T("Health department adds wage theft questions to its worker health survey", "Salud pública agrega preguntas sobre robo de salarios a su encuesta de salud laboral"),
}


def theory_of_change():
    m = Map('theory-of-change', T("Reducing wage theft among temporary workers", "Reducir el robo de salarios a trabajadores temporales"), 'toc')
    m.attributes = dict(narrative=T(
        "Temporary workers placed by staffing agencies are paid late, short or not at all, and the loss of income harms their health and their families. "
        "We work backwards from a halving of wage theft: agencies will pay correctly when client companies share liability and when claims are investigated quickly; "
        "claims will be filed and won when workers know their rights, keep their own records and can report without fear. "
        "Our interventions build that knowledge, those records and that safety, and a coalition campaign wins the ordinance. "
        "Better incomes and health for temp workers and their families lie above our ceiling of accountability: we contribute to them, but do not answer for them alone.",
        "A los trabajadores temporales colocados por agencias se les paga tarde, de menos o nada, y esa pérdida de ingresos daña su salud y la de sus familias. "
        "Trabajamos hacia atrás desde reducir a la mitad el robo de salarios: las agencias pagarán bien cuando las empresas clientes compartan la responsabilidad y cuando los reclamos se investiguen rápido; "
        "los reclamos se presentarán y se ganarán cuando los trabajadores conozcan sus derechos, lleven sus propios registros y puedan denunciar sin miedo. "
        "Nuestras intervenciones construyen ese conocimiento, esos registros y esa seguridad, y una campaña en coalición logra la ordenanza. "
        "Mejores ingresos y salud para los trabajadores temporales y sus familias quedan por encima de nuestro techo de responsabilidad: contribuimos a ellos, pero no respondemos solos por ellos."),
        ceilingY=0.0)
    m.node('impact', 'impact', T("Temp workers and their families have stable incomes and better health", "Los trabajadores temporales y sus familias tienen ingresos estables y mejor salud"), w=240, h=80,
           rationale=T("Lost wages mean missed rent, skipped care and stress; stable pay is a determinant of health.",
                       "Perder salarios significa atrasarse con el alquiler, dejar de atenderse y estrés; un pago estable es un determinante de la salud."))
    m.node('lto', 'long-term-outcome', LTO_LABEL, w=240, h=80,
           indicators=[ind(T("Share of surveyed temp workers reporting unpaid or underpaid wages in the past 12 months", "Proporción de temporales encuestados que reportan salarios impagos o incompletos en los últimos 12 meses"),
                           TEMPS, T("15 % or less", "15 % o menos"), T("at least 10 points below the 31 % baseline", "al menos 10 puntos por debajo de la línea de base de 31 %"), '2029-12-31')],
           rationale=T("Wage theft is the harm temp workers name first, and it can be measured in the county worker survey.",
                       "El robo de salarios es el daño que los temporales mencionan primero, y se puede medir en la encuesta laboral del condado."))
    pre = [
        ('p-rights', T("Temp workers know their wage rights and how to record hours", "Los temporales conocen sus derechos salariales y cómo registrar horas"),
         ind(T("Trained workers who can name three wage rights", "Trabajadores capacitados que pueden nombrar tres derechos salariales"), TEMPS, "80 %", "60 %", '2027-06-30')),
        ('p-records', T("Workers keep their own records of hours and pay", "Los trabajadores llevan su propio registro de horas y pagos"),
         ind(T("Members using the hours card or WhatsApp line", "Miembros que usan la tarjeta de horas o la línea de WhatsApp"), T("Worker center members", "Miembros del centro de trabajadores"), "50 %", "30 %", '2027-12-31')),
        ('p-report', T("Workers can report wage theft without fear of retaliation", "Los trabajadores pueden denunciar el robo de salarios sin miedo a represalias"),
         ind(T("Wage claims filed by temp workers per year", "Reclamos salariales presentados por temporales al año"), TEMPS, "300", "150", '2028-06-30')),
        ('p-coalition', T("A coalition of worker centers, unions and health advocates backs the ordinance", "Una coalición de centros de trabajadores, sindicatos y defensores de la salud respalda la ordenanza"),
         ind(T("Organisations signed on to the campaign", "Organizaciones adheridas a la campaña"), T("Local organisations", "Organizaciones locales"), "25", "15", '2027-03-31')),
        ('p-ordinance', T("City ordinance makes client companies jointly liable with staffing agencies", "Una ordenanza municipal hace a las empresas clientes responsables solidarias con las agencias"),
         ind(T("Ordinance adopted with a joint-liability clause", "Ordenanza aprobada con cláusula de responsabilidad solidaria"), T("City", "Ciudad"),
             T("adopted", "aprobada"), T("adopted with no exemption for staffing agencies", "aprobada sin exención para agencias"), '2027-12-31')),
        ('p-enforcement', T("Labor standards office investigates temp-agency claims quickly", "La oficina de normas laborales investiga rápido los reclamos contra agencias"),
         ind(T("Median days from claim to start of investigation", "Mediana de días entre el reclamo y el inicio de la investigación"), T("Claims against staffing agencies", "Reclamos contra agencias"),
             T("30 days or fewer", "30 días o menos"), T("60 days or fewer", "60 días o menos"), '2028-12-31')),
        ('p-comply', T("Staffing agencies pay correctly and on time", "Las agencias pagan correctamente y a tiempo"),
         ind(T("Audited agencies with no wage violation", "Agencias auditadas sin infracciones salariales"), T("Staffing agencies in the county", "Agencias de empleo temporal del condado"), "85 %", "70 %", '2029-06-30')),
    ]
    for id, label, indicator in pre:
        m.node(id, 'precondition', label, w=220, h=72, indicators=[indicator])
    m.link('c-lto-impact', 'causal', 'lto', 'impact')
    m.link('c-comply-lto', 'causal', 'p-comply', 'lto',
           rationale=T("Most wage theft against temps happens through agency payroll.", "La mayor parte del robo de salarios a temporales ocurre en la nómina de las agencias."))
    m.link('c-enforce-comply', 'causal', 'p-enforcement', 'p-comply',
           assumptions=T("Agencies change practice when investigations are quick and visible.", "Las agencias cambian sus prácticas cuando las investigaciones son rápidas y visibles."))
    m.link('c-ordinance-comply', 'causal', 'p-ordinance', 'p-comply',
           assumptions=T("Client companies respond to liability by choosing agencies that pay correctly.", "Las empresas clientes responden a la responsabilidad eligiendo agencias que pagan bien."))
    m.link('c-ordinance-enforce', 'causal', 'p-ordinance', 'p-enforcement')
    m.link('c-report-enforce', 'causal', 'p-report', 'p-enforcement')
    m.link('c-records-report', 'causal', 'p-records', 'p-report',
           assumptions=T("The labor standards office accepts worker-kept records as evidence.", "La oficina de normas laborales acepta como prueba los registros de los trabajadores."))
    m.link('c-rights-records', 'causal', 'p-rights', 'p-records')
    m.link('c-rights-report', 'causal', 'p-rights', 'p-report')
    m.link('c-coalition-ordinance', 'causal', 'p-coalition', 'p-ordinance')
    attach = {'i-workshops': 'p-rights', 'i-hours-card': 'p-records', 'i-accompany': 'c-report-enforce',
              'i-campaign': 'p-coalition', 'i-survey': 'p-enforcement'}
    for id, label in INTERVENTION_LABELS.items():
        m.node(id, 'intervention', label, w=200, h=72, attachedTo=attach[id])
    m.write()


# ---------------------------------------------------------------- Action plan tied to the theory of change
def action_plan():
    m = Map('action-plan', T("Wage theft action plan 2026", "Plan de acción contra el robo de salarios 2026"), 'actionplan')
    m.attributes = dict(laneBy='status', theoryOfChange=T("Reducing wage theft among temporary workers", "Reducir el robo de salarios a trabajadores temporales"))
    wc = T("Eastside Worker Center", "Centro de Trabajadores del Este")
    actions = [
        ('a-baseline', T("Baseline survey of wage theft among temps", "Encuesta de línea de base sobre robo de salarios a temporales"),
         T("University Labor Research Center", "Centro Universitario de Investigación Laboral"), wc, '2026-01-15', '2026-04-30', 'done', LTO_LABEL,
         T("Survey team; 400 interviews", "Equipo de encuesta; 400 entrevistas")),
        ('a-card', T("Print and translate the hours-and-pay card", "Imprimir y traducir la tarjeta de horas y pagos"), T("Ana R.", "Ana R."), wc,
         '2026-02-01', '2026-03-15', 'done', INTERVENTION_LABELS['i-hours-card'], T("Printing: $600", "Impresión: 600 $")),
        ('a-whatsapp', T("Set up a WhatsApp line for photos of pay stubs and hours", "Abrir una línea de WhatsApp para fotos de recibos y horas"), T("Luis M.", "Luis M."),
         T("University Labor Research Center", "Centro Universitario de Investigación Laboral"), '2026-03-16', '2026-05-31', 'doing', INTERVENTION_LABELS['i-hours-card'],
         T("A phone; volunteer hours", "Un teléfono; horas de voluntariado")),
        ('a-workshops', T("Run six know-your-rights workshops", "Realizar seis talleres de derechos laborales"), wc, T("Day Laborer Network", "Red de Jornaleros"),
         '2026-02-15', '2026-06-30', 'doing', INTERVENTION_LABELS['i-workshops'], T("Facilitators; snacks; childcare", "Facilitadores; refrigerios; cuidado infantil")),
        ('a-accompany', T("Train ten peer accompaniers for wage claims", "Formar a diez acompañantes para reclamos salariales"), T("Workers' Rights Legal Aid", "Asistencia Legal por los Derechos Laborales"), wc,
         '2026-04-01', '2026-07-31', 'planned', INTERVENTION_LABELS['i-accompany'], T("Two trainers; legal manual", "Dos formadores; manual jurídico")),
        ('a-signons', T("Collect 25 coalition sign-ons", "Reunir 25 adhesiones a la coalición"), T("Service Workers Union Local", "Sindicato Local de Trabajadores de Servicios"), wc,
         '2026-02-15', '2026-05-31', 'doing', T("A coalition of worker centers, unions and health advocates backs the ordinance", "Una coalición de centros de trabajadores, sindicatos y defensores de la salud respalda la ordenanza"), None),
        ('a-draft', T("Draft the joint-liability ordinance", "Redactar la ordenanza de responsabilidad solidaria"), T("Council Member Garcia's office", "Oficina de la concejala García"),
         T("Legal aid; union", "Asistencia legal; sindicato"), '2026-03-01', '2026-06-01', 'doing', INTERVENTION_LABELS['i-campaign'], None),
        ('a-testify', T("Testify at the council hearing", "Declarar en la audiencia del concejo"), wc, T("Nurses' Association; Interfaith Coalition", "Asociación de Enfermeras; Coalición Interreligiosa"),
         '2026-06-15', '2026-06-15', 'planned', INTERVENTION_LABELS['i-campaign'], T("Interpreters; transport", "Intérpretes; transporte")),
        ('a-survey-questions', T("Add wage theft questions to the county worker health survey", "Agregar preguntas sobre robo de salarios a la encuesta de salud laboral del condado"),
         T("County Public Health Department", "Departamento de Salud Pública del Condado"), T("University Labor Research Center", "Centro Universitario de Investigación Laboral"),
         '2026-05-01', '2026-09-30', 'blocked', INTERVENTION_LABELS['i-survey'], None),
    ]
    for id, label, owner, partners, start, due, status, serves, resources in actions:
        attrs = dict(owner=owner, partners=partners, start=start, due=due, status=status, serves=serves)
        if resources:
            attrs['resources'] = resources
        if status == 'blocked':
            attrs['notes'] = T("Waiting for the survey committee's approval in June.", "Esperando la aprobación del comité de la encuesta en junio.")
        m.node(id, 'action', label, w=210, h=72, **attrs)
    m.link('t-1', 'then', 'a-card', 'a-whatsapp')
    m.link('t-2', 'then', 'a-signons', 'a-testify')
    m.link('t-3', 'then', 'a-draft', 'a-testify')
    m.link('t-4', 'then', 'a-baseline', 'a-survey-questions')
    m.link('t-5', 'then', 'a-workshops', 'a-accompany')
    m.write()


# ---------------------------------------------------------------- Problem tree: heat illness among warehouse temps
def problem_tree():
    m = Map('problem-tree', T("Heat illness among warehouse temp workers", "Enfermedades por calor en trabajadores temporales de almacenes"), 'problemtree')
    P = 'problem'
    m.node(P, 'problem', T("Temp workers in warehouses suffer heat illness every summer", "Los temporales de almacenes sufren enfermedades por calor cada verano"), w=260, h=80,
           evidence=T("Clinic saw 41 heat-related visits from warehouse temps in July and August.", "La clínica atendió 41 consultas por calor de temporales de almacén en julio y agosto."))
    causes = [
        ('c-no-cooling', T("No cooling or ventilation on the warehouse floor", "No hay enfriamiento ni ventilación en el piso del almacén"), P),
        ('c-quotas', T("Productivity quotas discourage water and rest breaks", "Las cuotas de productividad desalientan las pausas para agua y descanso"), P),
        ('c-not-acclimatised', T("New temps are not acclimatised to the heat", "Los temporales nuevos no están aclimatados al calor"), P),
        ('c-no-plan', T("No heat illness prevention plan is enforced", "No se aplica ningún plan de prevención de enfermedades por calor"), P),
        ('c-symptoms', T("Early symptoms go unrecognised", "Los síntomas tempranos pasan desapercibidos"), P),
        ('c-buildings', T("Buildings designed for goods, not people", "Edificios diseñados para mercancías, no para personas"), 'c-no-cooling'),
        ('c-fear', T("Temps fear losing assignments if they slow down", "Los temporales temen perder asignaciones si bajan el ritmo"), 'c-quotas'),
        ('c-at-will', T("Assignments can end any day without notice", "Las asignaciones pueden terminar cualquier día sin aviso"), 'c-fear'),
        ('c-full-shifts', T("Agencies send new workers straight to full shifts", "Las agencias mandan a los nuevos directo a turnos completos"), 'c-not-acclimatised'),
        ('c-no-standard', T("No state heat standard for indoor work", "No hay norma estatal de calor para trabajo bajo techo"), 'c-no-plan'),
        ('c-shared-blame', T("Host employer and agency each say safety is the other's job", "La empresa usuaria y la agencia dicen que la seguridad le toca a la otra"), 'c-no-plan'),
        ('c-no-training', T("No training in workers' own languages", "No hay capacitación en el idioma de los trabajadores"), 'c-symptoms'),
    ]
    effects = [
        ('e-er', T("Emergency room visits and hospitalisations", "Visitas a urgencias y hospitalizaciones"), P),
        ('e-lost-wages', T("Lost wages on days too sick to work", "Salarios perdidos en días de enfermedad"), P),
        ('e-let-go', T("Workers quit or are let go after falling ill", "Los trabajadores renuncian o son despedidos tras enfermarse"), P),
        ('e-kidney', T("Kidney damage builds up over seasons", "Daño renal que se acumula temporada tras temporada"), P),
        ('e-rent', T("Families fall behind on rent and bills", "Las familias se atrasan con el alquiler y las cuentas"), 'e-lost-wages'),
        ('e-distrust', T("Workers stop trusting that reporting helps", "Los trabajadores dejan de confiar en que denunciar sirva"), 'e-let-go'),
    ]
    for id, label, _ in causes:
        m.node(id, 'cause', label, w=200, h=64)
    for id, label, _ in effects:
        m.node(id, 'effect', label, w=200, h=64)
    k = 0
    for id, _, to in causes:
        k += 1
        m.link('l-%02d' % k, 'causes', id, to)
    for id, _, frm in effects:
        k += 1
        m.link('l-%02d' % k, 'causes', frm, id)
    m.write()


# ---------------------------------------------------------------- Fishbone: injuries among gig delivery riders
def fishbone():
    m = Map('fishbone', T("Injuries among gig delivery riders", "Lesiones en repartidores de plataformas"), 'fishbone')
    m.node('head', 'head', T("Gig delivery riders are injured on the job", "Los repartidores de plataformas se lesionan trabajando"), w=210, h=90)
    cats = [('people', T("People", "Personas")), ('process', T("Process", "Procesos")), ('policy', T("Policy", "Políticas")),
            ('environment', T("Environment", "Entorno")), ('equipment', T("Equipment / materials", "Equipos / materiales")),
            ('management', T("Platform management", "Gestión de la plataforma"))]
    for i, (id, label) in enumerate(cats):
        m.node('cat-' + id, 'category', label, x=i, w=170, h=50)
    causes = [
        ('people', 'k-untrained', T("New riders untrained in traffic", "Repartidores nuevos sin formación vial"), [('s-onboarding', T("No onboarding beyond the app tutorial", "Sin inducción más allá del tutorial de la app"))]),
        ('people', 'k-fatigue', T("Fatigue from long shifts", "Fatiga por turnos largos"), [('s-low-pay', T("Low pay per delivery", "Pago bajo por entrega"))]),
        ('process', 'k-time-pressure', T("Time estimates push riders to hurry", "Los tiempos estimados presionan a apurarse"), [('s-ratings', T("Late deliveries lower ratings", "Las entregas tardías bajan la calificación"))]),
        ('process', 'k-phone', T("Riders check the app while riding", "Revisan la app mientras conducen"), []),
        ('policy', 'k-contractors', T("Riders classified as independent contractors", "Clasificados como contratistas independientes"), [('s-no-comp', T("No workers' compensation coverage", "Sin seguro de accidentes laborales"))]),
        ('policy', 'k-no-rules', T("No city rules on delivery time pressure", "Sin normas municipales sobre presión de tiempos"), []),
        ('environment', 'k-traffic', T("Heavy traffic and missing bike lanes", "Tráfico intenso y falta de ciclovías"), []),
        ('environment', 'k-weather', T("Rain, heat and darkness on evening shifts", "Lluvia, calor y oscuridad en turnos nocturnos"), []),
        ('equipment', 'k-own-bikes', T("Riders pay for their own bikes and repairs", "Los repartidores pagan sus bicicletas y reparaciones"), [('s-brakes', T("Worn brakes and tyres go unfixed", "Frenos y llantas gastados sin reparar"))]),
        ('equipment', 'k-bags', T("Heavy, unbalanced delivery bags", "Mochilas pesadas y desequilibradas"), []),
        ('equipment', 'k-lights', T("Few riders have lights or helmets", "Pocos tienen luces o casco"), []),
        ('management', 'k-deactivation', T("Algorithm deactivates riders who decline orders", "El algoritmo desactiva a quien rechaza pedidos"), []),
        ('management', 'k-no-channel', T("No channel to report crashes or hazards", "Sin canal para reportar choques o peligros"), []),
    ]
    k = 0
    for cat, id, label, subs in causes:
        m.node(id, 'cause', label, w=190, h=46)
        k += 1
        m.link('on-%02d' % k, 'on', id, 'cat-' + cat)
        for sid, slabel in subs:
            m.node(sid, 'subcause', slabel, w=170, h=42)
            k += 1
            m.link('on-%02d' % k, 'on', sid, id)
    m.write()


# ---------------------------------------------------------------- Rich picture: a staffing agency situation
def rich_picture():
    m = Map('rich-picture', T("A week in the life of a warehouse temp", "Una semana en la vida de una trabajadora temporal de almacén"), 'richpicture')
    m.annotation('title', 'title', T("A week in the life of a warehouse temp placed by a staffing agency",
                                     "Una semana en la vida de una trabajadora temporal colocada por una agencia"), dict(x=40, y=20, width=900, height=50))
    S = 90  # sticker box size
    stickers = [
        ('maria', 'worker', T("Maria, warehouse temp", "María, temporal de almacén"), 470, 420),
        ('crew', 'group', T("Crew of temps on the night shift", "Cuadrilla de temporales del turno de noche"), 790, 260),
        ('recruiter', 'employer', T("Staffing agency recruiter", "Reclutador de la agencia"), 150, 200),
        ('warehouse', 'workplace', T("Client warehouse (host employer)", "Almacén cliente (empresa usuaria)"), 640, 110),
        ('supervisor', 'person', T("Warehouse supervisor", "Supervisor del almacén"), 960, 290),
        ('pay', 'money', T("Pay: the agency keeps a cut; cheques arrive late", "Pago: la agencia se queda una parte; los cheques llegan tarde"), 170, 420),
        ('calls', 'clock', T("Shifts called the night before", "Turnos avisados la noche anterior"), 290, 590),
        ('scanner', 'watching-eye', T("Scanner tracks every minute", "El escáner controla cada minuto"), 950, 110),
        ('health', 'heart', T("Back pain and heat exhaustion", "Dolor de espalda y agotamiento por calor"), 640, 590),
        ('clinic', 'clinic', T("Urgent care clinic", "Clínica de urgencias"), 860, 610),
        ('worker-center', 'union', T("Worker center", "Centro de trabajadores"), 440, 740),
        ('labor-office', 'government', T("Labor standards office", "Oficina de normas laborales"), 130, 740),
        ('contract', 'document', T("A contract she never got a copy of", "Un contrato del que nunca recibió copia"), 20, 280),
        ('threat', 'speech', T("\u201cIf you complain, fifty others are waiting.\u201d", "\u201cSi te quejas, hay cincuenta esperando.\u201d"), 370, 100),
        ('worry', 'thought', T("\u201cWill they call me tomorrow?\u201d", "\u201c¿Me llamarán mañana?\u201d"), 600, 270),
        ('home', 'home', T("Shared apartment, rent due Friday", "Departamento compartido, el alquiler vence el viernes"), 20, 580),
        ('dispute', 'conflict', T("Dispute over unpaid overtime", "Disputa por horas extra impagas"), 330, 280),
        ('who', 'question', T("Who is responsible for her safety?", "¿Quién responde por su seguridad?"), 760, 440),
    ]
    for id, symbol, label, x, y in stickers:
        m.node(id, 'sticker', label, x=x, y=y, w=S, h=S, symbol=symbol)
    arrows = [('warehouse', 'recruiter', 'arrow'), ('recruiter', 'maria', 'arrow'), ('supervisor', 'maria', 'arrow'),
              ('scanner', 'crew', 'arrow'), ('maria', 'clinic', 'arrow'), ('worker-center', 'labor-office', 'arrow'),
              ('worker-center', 'maria', 'tie'), ('maria', 'home', 'tie'), ('maria', 'crew', 'tie'), ('dispute', 'recruiter', 'tie'),
              ('pay', 'maria', 'arrow')]
    for k, (s, t, type) in enumerate(arrows):
        m.link('r-%02d' % (k + 1), type, s, t)
    pts = [[385, 600], [420, 570], [455, 545], [490, 520]]
    m.annotation('stroke-calls', 'stroke', '', dict(x=385, y=520, width=105, height=80, points=pts), arrow=True)
    m.annotation('note-who', 'text', T("Nobody gives her a straight answer about whom to call when she gets hurt.",
                                       "Nadie le dice claramente a quién llamar cuando se lastima."), dict(x=700, y=760, width=340, height=50))
    m.annotation('frame-warehouse', 'frame', T("At the warehouse", "En el almacén"), dict(x=600, y=90, width=480, height=320))
    m.write()


if __name__ == '__main__':
    net_map()
    power_interest()
    theory_of_change()
    action_plan()
    problem_tree()
    fishbone()
    rich_picture()
    print('examples written to', os.path.normpath(OUT))
